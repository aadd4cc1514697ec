using Workflow.Domain.Deidentification;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class PersonNameRecognizerTests
{
    private readonly PersonNameRecognizer _recognizer = new(TestGazetteers.Instance);

    private List<RecognizedSpan> People(string text) => _recognizer.Recognize(text).Where(s => s.Kind == IdentifierKind.Person).ToList();

    private List<string> Texts(string text) => People(text).Select(s => text[s.Start..s.End]).ToList();

    [Theory]
    [InlineData("I went round to see Marlon about it.", "Marlon")]
    [InlineData("and then Dave Pickering turned up", "Dave Pickering")]
    [InlineData("it was Oskar's idea", "Oskar")]
    [InlineData("we met Tamsin Okafor there", "Tamsin Okafor")]
    public void CapitalisedGazetteerName_MidSentence_IsAPerson(string text, string expected)
    {
        Assert.Equal([expected], Texts(text));
        var span = Assert.Single(People(text));
        Assert.True(span.Confidence >= 0.85);
        Assert.Equal("names/gazetteer", span.Detector);
    }

    [Theory]
    [InlineData("the worker, Big Dave, said so", "Big Dave")]
    [InlineData("I used with Little Mo back then", "Little Mo")]
    public void NicknameModifier_IsInsideTheSpan(string text, string expected) => Assert.Equal([expected], Texts(text));

    [Fact]
    public void ArticleBeforeModifier_IsNotANickname() => Assert.DoesNotContain("Old Bill", Texts("then the Old Bill came round"));

    [Theory]
    [InlineData("my mate Spud was there", "Spud")]
    [InlineData("They call me Lanky.", "Lanky")]
    [InlineData("her son Tank is doing well", "Tank")]
    public void CommonWordNickname_AfterAStrongCue_IsAPerson(string text, string expected)
    {
        Assert.Equal([expected], Texts(text));
        Assert.Equal("names/context", Assert.Single(People(text)).Detector);
    }

    [Theory]
    [InlineData("i'm marlon and i've been clean a year", "marlon")]
    [InlineData("me and my mate kevin went down", "kevin")]
    [InlineData("I'M MARLON, I'VE BEEN CLEAN", "MARLON")]
    [InlineData("thanks lorna", "lorna")]
    public void LowerCaseOrAllCapsName_FromSpeechRecognition_IsFound(string text, string expected) =>
        Assert.Contains(expected, Texts(text));

    [Fact]
    public void LowerCaseFullName_IsOneSpan() => Assert.Equal(["tamsin okafor"], Texts("i was talking to tamsin okafor about it"));

    [Theory]
    [InlineData("I will go, I hope so, it may rain.")]
    [InlineData("you'd have to sue them for it")]
    [InlineData("up at the crack of dawn")]
    [InlineData("that was my saving grace")]
    [InlineData("pay the gas bill and mark you down")]
    [InlineData("I'm glad and I'm tired.")]
    [InlineData("They said that in the meeting.")]
    [InlineData("How does it work?")]
    public void CommonWordsThatAreNames_InTheirOrdinarySense_AreNotPeople(string text) => Assert.Empty(Texts(text));

    [Fact]
    public void CapitalisedCommonWordName_MidSentenceWithoutCue_IsForACoder()
    {
        var span = Assert.Single(People("and then Grace came in"));
        Assert.True(span.Confidence < 0.9);
    }

    [Fact]
    public void CommonWordName_WithStrongCue_InLowerCase_IsForACoder()
    {
        var span = Assert.Single(People("my daughter grace is six"));
        Assert.True(span.Confidence < 0.9);
    }

    [Fact]
    public void CommonWordName_WithCue_IsConfident() => Assert.True(Assert.Single(People("my daughter, Grace, is six")).Confidence >= 0.85);

    [Fact]
    public void ReportedSpeech_IsACue() => Assert.Equal(["Bernie"], Texts("No. Bernie said it was fine."));

    [Fact]
    public void Vocative_IsACue() => Assert.Equal(["Lorna"], Texts("Thanks, Lorna."));

    [Fact]
    public void BareCountNounSubject_AtSentenceStart_IsALowConfidenceNickname()
    {
        var span = Assert.Single(People("Spud goes, and I keep away."));
        Assert.True(span.Confidence < 0.9);
    }

    [Fact]
    public void UnknownCapitalisedWord_MidSentence_IsARedactionCheckItem()
    {
        var span = Assert.Single(_recognizer.Recognize("and there was Zorbaxil at the door"));
        Assert.Equal("names/unplaced", span.Detector);
        Assert.True(span.Confidence < 0.5);
    }

    [Theory]
    [InlineData("On Monday I saw the GP about methadone in March.")]
    [InlineData("Then we went to the NHS and the DAT and the PCT.")]
    [InlineData("Narcotics Anonymous helped, and so did Christmas.")]
    [InlineData("I speak Punjabi at home.")]
    public void OrdinaryCapitalisedWords_AreNotPeople(string text) => Assert.Empty(Texts(text));

    [Fact]
    public void SentenceStartCommonWord_IsNotAPerson() => Assert.Empty(Texts("Will you come? Hope so. Fair point."));

    [Fact]
    public void PlaceName_IsLeftToThePlaceDetector() => Assert.Empty(Texts("I grew up in Kettleby and Gatesmoor."));

    [Fact]
    public void MiddleInitial_JoinsTheName() => Assert.Equal(["Tamsin J Okafor", "Barbara M. Yudina"], Texts("ask Tamsin J Okafor or Barbara M. Yudina"));

    [Fact]
    public void Possessive_StaysOutsideTheSpan() => Assert.Equal(["Marlon", "Kevin"], Texts("that's Marlon's and Kevin’s"));

    [Theory]
    [InlineData("and then Mar\u200Blon came in", "Mar\u200Blon")]
    [InlineData("and then Ｍａｒｌｏｎ came in", "Ｍａｒｌｏｎ")]
    [InlineData("and then Marlo\u0301n came in", "Marlo\u0301n")]
    [InlineData("and then Márlon came in", "Márlon")]
    public void OddUnicode_DoesNotHideAName(string text, string expected) => Assert.Contains(expected, Texts(text));

    [Fact]
    public void NamedHimX_IsAStrongCue() => Assert.Equal(["Frank"], Texts("She named him Frank"));

    [Fact]
    public void SpeakerLabelInsideText_IsACue() => Assert.Equal(["Bernie"], Texts("Yes.\nBernie: You saved my life!"));

    [Theory]
    [InlineData("an American film about it")]
    [InlineData("the Primary Care Trust paid")]
    [InlineData("she lives on Hyde Road now")]
    public void NationalitiesAndWordsInsideOtherNames_AreNotPeople(string text) => Assert.Empty(Texts(text));
}
