using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;
using Xunit;

namespace Workflow.Domain.Tests.Deidentification;

public sealed class MissedIdentifierTests
{
    private static readonly DeidentifiedTranscript Transcript = new("rec-1", "s1", 3, [
        Utterance.Untimed(0, "Interviewer", "Who do you see at [ORGANIZATION_1]?"),
        Utterance.Untimed(1, "P001", "Mostly Tank, and Tank's brother. Tankard is the pub."),
        Utterance.Untimed(2, "Big Mo", "Hello."),
    ], [new Redaction("r0-18-32", 0, 18, 34, IdentifierKind.Organization, "[ORGANIZATION_1]", 0.9, "study-list", false)]);

    [Theory]
    [InlineData("Tank", 2)]
    [InlineData("  tank ", 2)]
    [InlineData("Tankard", 1)]
    [InlineData("Big Mo", 1)]
    public void WordsInTheTranscript_CanBeMarked_CountedAsWholeWords(string text, int occurrences)
    {
        var (problems, count) = MissedIdentifier.Check(Transcript, text);

        Assert.Empty(problems);
        Assert.Equal(occurrences, count);
    }

    [Theory]
    [InlineData(null, "2-100 characters")]
    [InlineData(" x ", "2-100 characters")]
    [InlineData("Tan", "not in recording 'rec-1'")]
    [InlineData("Kevin", "not in recording 'rec-1'")]
    [InlineData("at [ORGANIZATION_1]", "pseudonym label")]
    [InlineData("[ORGANIZATION_1", "pseudonym label")]
    [InlineData("Tank\nbrother", "one line")]
    public void AnythingElse_IsRefusedWithTheReason(string? text, string problem)
    {
        var (problems, count) = MissedIdentifier.Check(Transcript, text);

        Assert.Contains(problem, Assert.Single(problems));
        Assert.Equal(0, count);
    }

    [Fact]
    public void TextLongerThanTheLimit_IsRefused()
    {
        var (problems, _) = MissedIdentifier.Check(Transcript, new string('a', MissedIdentifier.MaxLength + 1));

        Assert.NotEmpty(problems);
    }
}
