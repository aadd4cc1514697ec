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

/// <summary>Robustness of study-list matching: clitics, aliases, spelling variants, common words, odd Unicode.</summary>
public class StudyListRecognizerRobustnessTests
{
    private static StudyListRecognizer With(params StudyIdentifier[] identifiers) =>
        new(new StudyIdentifierList("study", 1, identifiers), TestGazetteers.Instance.Lexicon);

    private static StudyIdentifier Person(string id, string text, params string[] aliases) => new(id, text, IdentifierKind.Person, aliases);

    private static StudyIdentifier Org(string id, string text, params string[] aliases) => new(id, text, IdentifierKind.Organization, aliases);

    [Theory]
    [InlineData("Mouse'll tell you", "Mouse")]
    [InlineData("that was Jo's idea", "Jo")]
    [InlineData("it's Kev’s turn", "Kev")]
    [InlineData("Kev'd have gone", "Kev")]
    public void Clitics_StayOutsideTheSpan(string text, string expected)
    {
        var recognizer = With(Person("p1", "Mouse"), Person("p2", "Jo"), Person("p3", "Kev"));
        Assert.Equal([expected], recognizer.Texts(text));
    }

    [Fact]
    public void LongerName_BeatsAnAliasWithAnArticle()
    {
        var recognizer = With(Org("o1", "Harbour Project", "the Harbour"), Org("o2", "Anchor House"));
        var text = "I went to the Harbour Project and then the Harbour again";
        Assert.Equal(["Harbour Project", "Harbour"], recognizer.Texts(text));
        Assert.All(recognizer.Recognize(text), s => Assert.Equal("id:o1", s.EntityKey));
    }

    [Theory]
    [InlineData("the HARBOUR-PROJECT said")]
    [InlineData("the harbour project said")]
    [InlineData("the Harbour  Project, said")]
    public void CaseAndPunctuationVariants_Match(string text) =>
        Assert.Single(With(Org("o1", "Harbour Project")).Recognize(text));

    [Theory]
    [InlineData("then Trelawny came", "Trelawny")]
    [InlineData("then trelawneys mate came", "trelawneys")]
    [InlineData("then Trewalney came", "Trewalney")]
    public void NearSpellingOfALongName_IsForACoder(string text, string expected)
    {
        var span = With(Person("p1", "Trelawney")).Single(text);
        Assert.Equal(expected, text[span.Start..span.End]);
        Assert.Equal("id:p1", span.EntityKey);
        Assert.True(span.Confidence < 0.9);
    }

    [Fact]
    public void SoundAlikeOfAListedPerson_IsForACoder()
    {
        var span = With(Person("p1", "Katherine")).Single("and then Cathrin rang me");
        Assert.True(span.Confidence < 0.9);
    }

    [Fact]
    public void ShortNamesAndCommonWords_AreNotFuzzyMatched() =>
        Assert.Empty(With(Person("p1", "Stuart"), Person("p2", "Jo")).Recognize("it was a start, so I saw Joe"));

    [Theory]
    [InlineData("we went to the Bridge", 1.0)]
    [InlineData("we crossed the bridge", 0.8)]
    [InlineData("a bridge too far", 0.6)]
    [InlineData("Bridge was shut.", 0.8)]
    public void ListedCommonWord_IsDecidedInContext(string text, double confidence) =>
        Assert.Equal(confidence, With(Org("o1", "the Bridge")).Single(text).Confidence);

    [Fact]
    public void ListedPhraseOfCommonWords_InLowerCase_IsForACoder()
    {
        var recognizer = With(Org("o1", "Speak Up"), Org("o2", "Teams"));
        Assert.All(recognizer.Recognize("you have to speak up for the teams"), s => Assert.Equal(0.6, s.Confidence));
        Assert.All(recognizer.Recognize("I joined Speak Up and moved to the Teams"), s => Assert.Equal(1.0, s.Confidence));
    }

    [Theory]
    [InlineData("then Mar\u200Blon came")]
    [InlineData("then Ｍａｒｌｏｎ came")]
    [InlineData("then Márlon came")]
    [InlineData("then Marlo\u0301n came")]
    public void OddUnicode_DoesNotHideAListedName(string text) => Assert.Single(With(Person("p1", "Marlon")).Recognize(text));
}
