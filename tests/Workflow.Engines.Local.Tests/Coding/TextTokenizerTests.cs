using Workflow.Engines.Local.Coding;

namespace Workflow.Engines.Local.Tests.Coding;

public class TextTokenizerTests
{
    private static string[] Words(string text) => TextTokenizer.Tokenize(text).Select(t => text[t.Start..t.End]).ToArray();

    [Theory]
    [InlineData("[PERSON_3] said", "said")]
    [InlineData("from [ORGANIZATION_12] and [LOCATION_1]", "from and")]
    [InlineData("number [NHS_NUMBER_2], ok", "number ok")]
    [InlineData("[PERSON_3]'s mum came", "mum came")]
    [InlineData("[PERSON_3]’s mum came", "mum came")]
    [InlineData("PERSON_3 said", "said")]
    [InlineData("ring NHS_NUMBER_12 now", "ring now")]
    [InlineData("PERSON_3's mum", "mum")]
    [InlineData("[laughs] right", "right")]
    public void Tokenize_PseudonymLabels_LeaveNoWords(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), Words(text));
    }

    [Theory]
    [InlineData("PERSON said", "PERSON said")]
    [InlineData("PERSON_X came", "PERSON X came")]
    [InlineData("room_3a left", "room 3a left")]
    [InlineData("[ a stray bracket that goes on far too long for any label to be ] ok", "a stray bracket that goes on far too long for any label to be ok")]
    public void Tokenize_TextThatOnlyLooksLikeALabel_KeepsItsWords(string text, string expected)
    {
        Assert.Equal(expected.Split(' '), Words(text));
    }

    [Fact]
    public void Tokenize_WordAfterALabel_StartsANewPhraseButNotANewClause()
    {
        var after = TextTokenizer.Tokenize("told [PERSON_1] about it")[1];

        Assert.True(after.BreakBefore);
        Assert.False(after.PunctuationBefore);
    }

    [Fact]
    public void Tokenize_Words_CarryTheirShapeAndWhetherTheyAreCommon()
    {
        var tokens = TextTokenizer.Tokenize("Right, the time at Croydon College. NA said");

        Assert.Equal(["right", "the", "time", "at", "croydon", "college", "na", "said"], tokens.Select(t => t.Word));
        Assert.Equal([true, false, true, false, false, false, false, true], tokens.Select(t => t.Common));
        Assert.Equal([true, false, false, false, true, true, false, false], tokens.Select(t => t.TitleCase));
        Assert.Equal([true, false, false, false, false, false, true, false], tokens.Select(t => t.SentenceStart));
        Assert.Equal([true, true, false, false, false, false, true, false], tokens.Select(t => t.PunctuationBefore));
    }
}
