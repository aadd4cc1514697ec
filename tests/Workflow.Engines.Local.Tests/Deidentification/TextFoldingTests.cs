using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class TextFoldingTests
{
    [Theory]
    [InlineData("Marlon", "marlon")]
    [InlineData("Mar\u200Blon", "marlon")]
    [InlineData("Mar\u00ADlon", "marlon")]
    [InlineData("Ｍａｒｌｏｎ", "marlon")]
    [InlineData("Márlon", "marlon")]
    [InlineData("Marlo\u0301n", "marlon")]
    [InlineData("O’Brien", "o'brien")]
    [InlineData("Gri\uFB03n", "griffin")]
    [InlineData("\U0001D413\U0001D41A\U0001D427\U0001D424", "tank")]
    public void Fold_RemovesWhatHidesAName(string written, string key) => Assert.Equal(key, TextFolding.Fold(written));

    [Fact]
    public void Analyze_KeepsZeroWidthCharactersInsideOneWord()
    {
        var tokens = NameText.Analyze("see Mar\u200Blon now").Tokens;
        Assert.Equal(["see", "marlon", "now"], tokens.Select(t => t.Key));
        Assert.Equal(WordShape.Capitalised, tokens[1].Shape);
    }

    [Fact]
    public void Analyze_TakesStyledLettersBeyondTheBasicPlane_AsOneWord_ButNotEmoji()
    {
        const string text = "my mate \U0001D413\U0001D41A\U0001D427\U0001D424\U0001F600 came";
        var tokens = NameText.Analyze(text).Tokens;
        Assert.Equal(["my", "mate", "tank", "came"], tokens.Select(t => t.Key));
        Assert.Equal("\U0001D413\U0001D41A\U0001D427\U0001D424", text[tokens[2].Start..tokens[2].End]);
        Assert.Equal(WordShape.Capitalised, tokens[2].Shape);
    }

    [Theory]
    [InlineData("Jo's", "jo")]
    [InlineData("Mouse'll", "mouse")]
    [InlineData("Kev’s", "kev")]
    [InlineData("don't", "don't")]
    [InlineData("O'Brien", "o'brien")]
    public void Analyze_KeepsCliticsOutOfTheCore(string written, string core) => Assert.Equal(core, NameText.Analyze(written).Tokens[0].Key);

    [Fact]
    public void Analyze_AbbreviationAndInitialDoNotStartASentence()
    {
        var tokens = NameText.Analyze("Mrs. Barbara M. Yudina came. Then").Tokens;
        Assert.False(tokens[1].SentenceStart);
        Assert.False(tokens[3].SentenceStart);
        Assert.True(tokens[5].SentenceStart);
    }
}
