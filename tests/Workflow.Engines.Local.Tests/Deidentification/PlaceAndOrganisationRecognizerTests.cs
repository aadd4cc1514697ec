using Workflow.Domain.Deidentification;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class PlaceAndOrganisationRecognizerTests
{
    private static readonly Gazetteers G = TestGazetteers.Instance;

    private static List<string> Texts(ITokenRecognizer recognizer, string text, IdentifierKind? kind = null) =>
        recognizer.Recognize(text).Where(s => kind is null || s.Kind == kind).Select(s => text[s.Start..s.End]).ToList();

    [Theory]
    [InlineData("I grew up in Kettleby, me.", "Kettleby")]
    [InlineData("we moved to Thornton Vale after", "Thornton Vale")]
    [InlineData("she's from West Kettleby", "West Kettleby")]
    [InlineData("Kettleby was rough then", "Kettleby")]
    public void GazetteerPlace_IsALocation(string text, string expected) =>
        Assert.Equal([expected], Texts(new PlaceNameRecognizer(G), text, IdentifierKind.Location));

    [Theory]
    [InlineData("I was reading the paper")]
    [InlineData("Reading it back, I agreed.")]
    [InlineData("I had a bath")]
    public void PlaceThatIsACommonWord_WithoutLocationContext_IsNotAPlace(string text) => Assert.Empty(Texts(new PlaceNameRecognizer(G), text));

    [Fact]
    public void PlaceThatIsACommonWord_AfterALocationWord_IsForACoder()
    {
        var span = Assert.Single(new PlaceNameRecognizer(G).Recognize("we went down to Bath for the day"));
        Assert.True(span.Confidence < 0.9);
    }

    [Fact]
    public void LowerCasePlace_NeedsALocationWord()
    {
        Assert.Equal(["kettleby"], Texts(new PlaceNameRecognizer(G), "i lived in kettleby for years"));
        Assert.Empty(Texts(new PlaceNameRecognizer(G), "kettleby was rough"));
    }

    [Theory]
    [InlineData("I was sent down to Durham for six months", "Durham")]
    [InlineData("since I came out of Ashworth I've been clean", "Ashworth")]
    public void TownAfterCustodyWords_IsItsPrison(string text, string expected) =>
        Assert.Equal([expected], Texts(new PlaceNameRecognizer(G), text, IdentifierKind.Organization));

    [Theory]
    [InlineData("I go to the Lighthouse Project on Tuesdays", "Lighthouse Project")]
    [InlineData("my GP at the Trelawney Surgery", "Trelawney Surgery")]
    [InlineData("up before Kettleby Crown Court in the morning", "Kettleby Crown Court")]
    [InlineData("the Gatesmoor NHS Trust runs it", "Gatesmoor NHS Trust")]
    [InlineData("the Kettleby DAT paid for it", "Kettleby DAT")]
    [InlineData("she's at the University of Kettleby", "University of Kettleby")]
    [InlineData("he's in HMP Gatesmoor now", "HMP Gatesmoor")]
    [InlineData("at Kettleby Magistrates' Court", "Kettleby Magistrates' Court")]
    public void CapitalisedNameWithHeadWord_IsAnOrganisation(string text, string expected) =>
        Assert.Equal([expected], Texts(new OrganisationNameRecognizer(G), text));

    [Theory]
    [InlineData("the Trust said no and the Crown Court agreed")]
    [InlineData("the Drug Action Team and the Primary Care Trust")]
    [InlineData("at the Civic Centre, not the Home Office")]
    [InlineData("Then Project meetings stopped")]
    public void GenericBodies_AreNotOrganisations(string text) => Assert.Empty(Texts(new OrganisationNameRecognizer(G), text));

    [Theory]
    [InlineData("we lived on the Fenwold estate then", "Fenwold estate")]
    [InlineData("drinking in the Red Lion Inn", "Red Lion Inn")]
    [InlineData("we met at the Anchor pub", "Anchor")]
    [InlineData("she lives on Laurel Close now", "Laurel Close")]
    [InlineData("down Kettleby Way", "Kettleby Way")]
    public void EstatesPubsAndStreets_AreLocations(string text, string expected) =>
        Assert.Equal([expected], Texts(new PlacePatternRecognizer(G), text));

    [Theory]
    [InlineData("on the council estate")]
    [InlineData("we went a long Way round")]
    public void GenericEstatesAndWeakStreets_AreNotLocations(string text) => Assert.Empty(Texts(new PlacePatternRecognizer(G), text));

    [Theory]
    [InlineData("there was a big do at the Sage for it", "Sage")]
    [InlineData("when I was in High Down the worker came", "High Down")]
    [InlineData("the midwife at Mayday said", "Mayday")]
    public void CapitalisedOrdinaryWordsUsedAsANameAfterAPreposition_AreRedactionCheckItems(string text, string expected)
    {
        var spans = new CapitalisedPhraseRecognizer(G).Recognize(text).ToList();
        Assert.Equal([expected], spans.Select(s => text[s.Start..s.End]));
        Assert.All(spans, s => Assert.True(s.Confidence < 0.5));
    }

    [Theory]
    [InlineData("the Trust said so and the Home Office agreed")]
    [InlineData("in March and at Christmas")]
    public void GenericCapitalisedWords_AreNotRedactionCheckItems(string text) => Assert.Empty(new CapitalisedPhraseRecognizer(G).Recognize(text));
}
