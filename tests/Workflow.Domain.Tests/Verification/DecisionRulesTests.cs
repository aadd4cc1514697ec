using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Verification;

public class DecisionRulesTests
{
    private static readonly Codebook Codebook = new("study-a", 7, "Codebook", [
        new CodebookEntry("t-access", null, 1, "Access", "Getting into services."),
        new CodebookEntry("c-waiting", "t-access", 2, "Waiting lists", "Waiting for treatment."),
        new CodebookEntry("c-stigma", "t-access", 2, "Stigma", "Being judged."),
    ], DateTimeOffset.UnixEpoch);

    private static VerificationItem Item(VerificationItemKind kind) => new(
        "item-1", "study-a", "rec-1", kind, "context",
        kind == VerificationItemKind.Redaction ? new Redaction("r0-6-10", 0, 6, 16, IdentifierKind.Person, "[PERSON_1]", 0.5, "test", true) : null,
        kind == VerificationItemKind.Redaction ? "Hope" : null,
        kind == VerificationItemKind.CodeSuggestion ? new CodeSuggestion("s0", "c-waiting", 0.8, new EvidenceSpan(0, 4, "wait"), "keyword", 7) : null,
        VerificationItemStatus.Pending, null, null, null, DateTimeOffset.UnixEpoch);

    [Theory]
    [InlineData(VerificationItemKind.Redaction, DecisionAction.Confirm)]
    [InlineData(VerificationItemKind.Redaction, DecisionAction.Undo)]
    [InlineData(VerificationItemKind.CodeSuggestion, DecisionAction.Accept)]
    [InlineData(VerificationItemKind.CodeSuggestion, DecisionAction.Reject)]
    public void Validate_ActionThatAppliesToTheKind_IsValid(VerificationItemKind kind, DecisionAction action) =>
        Assert.Empty(DecisionRules.Validate(Item(kind), action, null, Codebook));

    [Theory]
    [InlineData(VerificationItemKind.Redaction, DecisionAction.Accept)]
    [InlineData(VerificationItemKind.Redaction, DecisionAction.Reject)]
    [InlineData(VerificationItemKind.CodeSuggestion, DecisionAction.Confirm)]
    [InlineData(VerificationItemKind.CodeSuggestion, DecisionAction.Undo)]
    public void Validate_ActionForTheOtherKind_IsRefusedNamingTheAllowedOnes(VerificationItemKind kind, DecisionAction action)
    {
        var error = Assert.Single(DecisionRules.Validate(Item(kind), action, null, Codebook));

        Assert.StartsWith($"'{action}' does not apply to a {kind} item", error);
        Assert.EndsWith(kind == VerificationItemKind.Redaction ? "Confirm, Undo." : "Accept, Reject, Edit.", error);
    }

    [Fact]
    public void Validate_EditOfARedaction_IsRefused() =>
        Assert.Contains(DecisionRules.Validate(Item(VerificationItemKind.Redaction), DecisionAction.Edit, ["c-stigma"], Codebook),
            e => e.StartsWith("'Edit' does not apply to a Redaction item"));

    [Fact]
    public void Validate_EditToLevel2Codes_IsValid() =>
        Assert.Empty(DecisionRules.Validate(Item(VerificationItemKind.CodeSuggestion), DecisionAction.Edit, ["c-stigma", "c-waiting"], Codebook));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Validate_EditWithoutCodeIds_IsRefused(bool emptyList) =>
        Assert.Equal("An edit must give codeIds: the codes that apply instead.",
            Assert.Single(DecisionRules.Validate(Item(VerificationItemKind.CodeSuggestion), DecisionAction.Edit, emptyList ? [] : null, Codebook)));

    [Fact]
    public void Validate_EditWithoutACodebook_IsRefused() =>
        Assert.Equal("The study has no codebook to check the edited codes against.",
            Assert.Single(DecisionRules.Validate(Item(VerificationItemKind.CodeSuggestion), DecisionAction.Edit, ["c-stigma"], null)));

    [Fact]
    public void Validate_EditToAThemeOrUnknownCode_ReportsEachAgainstTheCodebookVersion()
    {
        var errors = DecisionRules.Validate(Item(VerificationItemKind.CodeSuggestion), DecisionAction.Edit,
            ["t-access", "c-stigma", "c-missing"], Codebook);

        Assert.Equal(
            ["'t-access' is not a level-2 code of codebook version 7.", "'c-missing' is not a level-2 code of codebook version 7."],
            errors);
    }

    [Theory]
    [InlineData(VerificationItemKind.CodeSuggestion, DecisionAction.Accept)]
    [InlineData(VerificationItemKind.CodeSuggestion, DecisionAction.Reject)]
    [InlineData(VerificationItemKind.Redaction, DecisionAction.Confirm)]
    [InlineData(VerificationItemKind.Redaction, DecisionAction.Undo)]
    public void Validate_CodeIdsWithoutAnEdit_AreRefused(VerificationItemKind kind, DecisionAction action) =>
        Assert.Equal("codeIds are only given with an edit.",
            Assert.Single(DecisionRules.Validate(Item(kind), action, ["c-stigma"], Codebook)));

    [Fact]
    public void Validate_EmptyCodeIdsWithoutAnEdit_AreIgnored() =>
        Assert.Empty(DecisionRules.Validate(Item(VerificationItemKind.CodeSuggestion), DecisionAction.Accept, [], Codebook));

    [Fact]
    public void Validate_AnOversizeMemo_OrTooManyEditedCodes_IsRefusedInWords_AndTheLimitItselfIsAllowed()
    {
        var item = Item(VerificationItemKind.CodeSuggestion);
        Assert.Empty(DecisionRules.Validate(item, DecisionAction.Accept, null, Codebook, note: new string('m', DecisionRules.MaxNoteLength)));

        var memo = Assert.Single(DecisionRules.Validate(item, DecisionAction.Accept, null, Codebook, note: new string('m', DecisionRules.MaxNoteLength + 1)));
        Assert.Contains("at most 4,000 are kept", memo);

        var many = Enumerable.Repeat("c-waiting", DecisionRules.MaxEditedCodes + 1).ToList();
        Assert.Contains(DecisionRules.Validate(item, DecisionAction.Edit, many, Codebook), e => e.StartsWith("An edit may apply at most 20 codes", StringComparison.Ordinal));
    }
}
