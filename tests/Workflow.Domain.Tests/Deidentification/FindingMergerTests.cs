using Workflow.Domain.Deidentification;

namespace Workflow.Domain.Tests.Deidentification;

public class FindingMergerTests
{
    private static IdentifierFinding F(int start, int end, string recognizer, string key = "k", double confidence = 0.8, IdentifierKind kind = IdentifierKind.Person, int utterance = 0) =>
        new(utterance, start, end, kind, new string('x', Math.Max(0, end - start)), key, confidence, recognizer);

    [Fact]
    public void LongestSpanWins_AndNamesEveryDetectorInsideIt()
    {
        var merged = FindingMerger.Merge([F(4, 11, "study-list", "id:harbour", 1.0, IdentifierKind.Organization), F(4, 19, "names/org", "harbour project", 0.7, IdentifierKind.Organization)]);

        var only = Assert.Single(merged);
        Assert.Equal((4, 19), (only.Start, only.End));
        Assert.Equal("names/org+study-list", only.Recognizer);
        Assert.Equal("id:harbour", only.EntityKey);
    }

    [Fact]
    public void ALongerTitledName_TakesTheListedPersonsKey_SoOnePersonKeepsOnePseudonym()
    {
        var merged = FindingMerger.Merge([F(0, 10, "rules", "dr hussain"), F(3, 10, "study-list", "id:p7", 1.0)]);
        Assert.Equal("id:p7", Assert.Single(merged).EntityKey);
    }

    [Fact]
    public void EqualSpans_PreferTheStudyList_AndKeepTheHighestConfidence()
    {
        var merged = FindingMerger.Merge([F(0, 4, "names", "dave", 0.95), F(0, 4, "study-list", "id:d", 0.6)]);
        var only = Assert.Single(merged);
        Assert.Equal("id:d", only.EntityKey);
        Assert.Equal(0.95, only.Confidence);
    }

    [Fact]
    public void DisjointFindings_AreAllKept_InTextOrder_PerUtteranceAndField()
    {
        var merged = FindingMerger.Merge([F(10, 14, "b"), F(0, 4, "a"), F(0, 4, "a", utterance: 1), F(5, 4, "broken")]);
        Assert.Equal([(0, 0), (0, 10), (1, 0)], merged.Select(f => (f.UtteranceIndex, f.Start)));
    }

    [Fact]
    public void AListedFindingOfAnotherKind_DoesNotLendItsKey()
    {
        var merged = FindingMerger.Merge([F(0, 12, "rules", "addr", kind: IdentifierKind.Address), F(3, 12, "study-list", "id:street", 1.0, IdentifierKind.Location)]);
        Assert.Equal("addr", Assert.Single(merged).EntityKey);
    }
}

public class StudyIdentifierListTeachingTests
{
    private static readonly StudyIdentifierList Lead = new("s1", 3, [new StudyIdentifier("sid-1", "Harbour Project", IdentifierKind.Organization, ["the Harbour"])]);

    [Fact]
    public void WithIdentifier_AddsANewEntry_AsTheNextVersion_KeepingTheLeadsOnes()
    {
        var next = Lead.WithIdentifier("Dr Quimby", IdentifierKind.Person, 4)!;
        Assert.Equal(4, next.Version);
        Assert.Equal(["Harbour Project", "Dr Quimby"], next.Identifiers.Select(i => i.Text));
        Assert.Equal(StudyIdentifier.StableIdFor(IdentifierKind.Person, "Dr Quimby"), next.Identifiers[1].Id);
    }

    [Theory]
    [InlineData("harbour project")]
    [InlineData("The  Harbour")]
    [InlineData("  ")]
    public void WithIdentifier_AlreadyListedOrEmpty_ChangesNothing(string text) =>
        Assert.Null(Lead.WithIdentifier(text, IdentifierKind.Organization, 4));

    [Fact]
    public void WithNotIdentifying_MarksTheNormalisedWordOnce_AndAddingItLaterUnmarksIt()
    {
        var marked = Lead.WithNotIdentifying("Speak  Up", 4)!;
        Assert.True(marked.IsMarkedNotIdentifying("speak up"));
        Assert.Null(marked.WithNotIdentifying("SPEAK UP", 5));
        var listed = marked.WithIdentifier("Speak Up", IdentifierKind.Organization, 5)!;
        Assert.False(listed.IsMarkedNotIdentifying("Speak Up"));
    }
}
