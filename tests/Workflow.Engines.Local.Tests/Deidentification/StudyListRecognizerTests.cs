using Workflow.Domain.Deidentification;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class StudyListRecognizerTests
{
    private static StudyListRecognizer With(params StudyIdentifier[] identifiers) =>
        new(new StudyIdentifierList("study", 1, identifiers));

    private static StudyIdentifier Person(string id, string text, params string[] aliases) => new(id, text, IdentifierKind.Person, aliases);

    [Fact]
    public void Recognize_AliasesOfOneEntity_ShareTheEntityKey()
    {
        var recognizer = With(Person("p1", "Stuart Penhale", "Stuart"));

        var spans = recognizer.Recognize("Stuart Penhale chairs it. Stuart would say so.").ToList();

        Assert.Equal(2, spans.Count);
        Assert.All(spans, s => Assert.Equal("id:p1", s.EntityKey));
        Assert.All(spans, s => Assert.Equal(IdentifierKind.Person, s.Kind));
    }

    [Fact]
    public void Recognize_LongerSurface_WinsOverItsPrefix()
    {
        var recognizer = With(Person("p1", "Gary"), Person("p2", "Gary Whelan"));

        var span = recognizer.Single("It's 07700 900 341. Gary Whelan.");

        Assert.Equal("id:p2", span.EntityKey);
        Assert.Equal(11, span.End - span.Start);
    }

    [Fact]
    public void Recognize_Possessive_KeepsTheApostropheSOutsideTheSpan()
    {
        var recognizer = With(Person("p1", "Courtney"));

        Assert.Equal(["Courtney"], recognizer.Texts("That'll go on Courtney's birthday present."));
        Assert.Equal(["Courtney"], recognizer.Texts("That'll go on Courtney’s present."));
    }

    [Fact]
    public void Recognize_DifferentCaseAndSpacing_StillMatches()
    {
        var recognizer = With(new StudyIdentifier("o1", "Northern Lights Project", IdentifierKind.Organization, []));

        Assert.Equal(["northern  lights\nproject"], recognizer.Texts("at the northern  lights\nproject today"));
    }

    [Fact]
    public void Recognize_NameInsideAnotherWord_IsNotMatched()
    {
        var recognizer = With(Person("p1", "Don"), Person("p2", "Ade"));

        Assert.Empty(recognizer.Texts("I don't know, it's made up and Adele sang."));
    }

    [Fact]
    public void Recognize_CommonWordNameInLowerCase_AsksForConfirmation()
    {
        var recognizer = With(Person("p1", "Hope"));

        var lower = recognizer.Single("I hope so.");
        var capitalised = recognizer.Single("I saw Hope yesterday.");

        Assert.Equal(0.6, lower.Confidence);
        Assert.Equal(1.0, capitalised.Confidence);
    }

    [Fact]
    public void Recognize_CommonWordNameStartingASentence_AsksForConfirmation()
    {
        var recognizer = With(Person("p1", "Will"));

        Assert.True(recognizer.Single("Fine. Will you come?").Confidence < 0.9);
    }

    [Fact]
    public void Recognize_NameThatIsNotACommonWord_IsCertainEvenInLowerCase()
    {
        var recognizer = With(Person("p1", "Darren"));

        Assert.Equal(1.0, recognizer.Single("i'm darren").Confidence);
    }

    [Fact]
    public void Recognize_CommonWordsNotOnTheList_AreNotMatched()
    {
        var recognizer = With(Person("p1", "Bev"));

        Assert.Empty(recognizer.Texts("I will, I hope, and you may. Grace and Will."));
    }

    [Fact]
    public void Recognize_EmptyList_FindsNothing()
    {
        var recognizer = new StudyListRecognizer(StudyIdentifierList.Empty("study"));

        Assert.Empty(recognizer.Recognize("Stuart Penhale"));
    }
}
