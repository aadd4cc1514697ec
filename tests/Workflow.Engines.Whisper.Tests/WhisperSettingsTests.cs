namespace Workflow.Engines.Whisper.Tests;

public class WhisperSettingsTests
{
    [Theory]
    [InlineData(null, "en-GB", "en")]
    [InlineData(null, "cy_GB", "cy")]
    [InlineData(null, "EN", "en")]
    [InlineData(null, null, "auto")]
    [InlineData("", " ", "auto")]
    [InlineData("de", "en-GB", "de")]
    [InlineData("auto", "en-GB", "auto")]
    public void TheLanguage_IsTheConfiguredOne_ElseTheRecordings_AsAnIsoCode(string? configured, string? requested, string expected)
    {
        Assert.Equal(expected, WhisperLanguage.Choose(configured, requested));
    }

    [Fact]
    public void ThePrompt_ListsDistinctTerms_ThatFit()
    {
        var prompt = VocabularyPrompt.Build(["Stuart  Penhale", "stuart penhale", "", "Kitto", "a very long term that does not fit", "CAMHS"], 30);
        Assert.Equal("Stuart Penhale, Kitto, CAMHS", prompt);
    }

    [Fact]
    public void NoVocabulary_NoPrompt()
    {
        Assert.Null(VocabularyPrompt.Build([], 600));
        Assert.Null(VocabularyPrompt.Build([" "], 600));
    }

    [Fact]
    public void ThreadsDefault_ToEveryCore()
    {
        Assert.Equal(Environment.ProcessorCount, new WhisperOptions().EffectiveThreads);
        Assert.Equal(3, new WhisperOptions { Threads = 3 }.EffectiveThreads);
    }
}
