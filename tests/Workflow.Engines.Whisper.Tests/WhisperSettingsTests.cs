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
        Assert.Equal(expected, WhisperLanguage.Choose(configured, requested, Supported));
    }

    /// <summary>Whisper.net's own list (this loads the native library).</summary>
    private static readonly IReadOnlyList<string> Supported = [.. global::Whisper.net.WhisperFactory.GetSupportedLanguages()];

    [Fact]
    public void ALanguageWhisperDoesNotKnow_IsRefusedInWords()
    {
        var error = Assert.Throws<Workflow.Domain.Ports.EngineUnavailableException>(() => WhisperLanguage.Choose(null, "xx-GB", Supported));
        Assert.Contains("Whisper does not recognise the language 'xx-GB' (the recording's language)", error.Message);
        var configured = Assert.Throws<Workflow.Domain.Ports.EngineUnavailableException>(() => WhisperLanguage.Choose("klingon", "en-GB", Supported));
        Assert.Contains("(Engines:Whisper:Language)", configured.Message);
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
