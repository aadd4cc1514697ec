using Workflow.Engines.Local.Tests.Transcription;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription.Vocabulary;

/// <summary>The engine with a study vocabulary: wiring, failure messages and clean-up.</summary>
public sealed class PocketSphinxStudyVocabularyTests(SampleSpeechFixture sample) : IClassFixture<SampleSpeechFixture>, IDisposable
{
    // Invented, and none of them in the installed dictionary or language model.
    private static readonly TranscriptionRequest WithVocabulary = new("en-GB", Vocabulary: ["Morag Quarrie", "Strathbrock Partnership", "Subutex"]);

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private PocketSphinxTranscriptionEngine Engine(Action<PocketSphinxOptions>? configure = null)
    {
        var options = new PocketSphinxOptions();
        configure?.Invoke(options);
        return TestEngines.PocketSphinx(options, _temp.Path);
    }

    [Fact]
    public async Task TranscribeAsync_WithVocabulary_RecognisesTheClipAndLeavesNoTemporaryFiles()
    {
        var transcript = await Engine().TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), WithVocabulary, CancellationToken.None);

        var recall = Recognition.ContentWordRecall(TestAudio.ShortText, Recognition.Words(transcript));
        Assert.True(recall >= 0.25, $"content-word recall {recall:0.000} below 0.25 with a study vocabulary");
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task TranscribeAsync_EspeakMissing_ThrowsEngineUnavailableNamingPackageAndSettingButNoTerm()
    {
        var engine = Engine(o => o.EspeakPath = "/nonexistent/espeak-ng");

        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), WithVocabulary, CancellationToken.None));

        Assert.Contains("'espeak-ng'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Engines:PocketSphinx:StudyVocabulary", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("morag", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("strathbrock", ex.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task TranscribeAsync_UnreadableLanguageModel_ThrowsEngineUnavailableNamingTheSetting()
    {
        var model = Path.Combine(_temp.Path, "..", Path.GetFileName(_temp.Path) + "-model.dmp");
        await File.WriteAllTextAsync(model, "Darpa Trigram LM\0");
        try
        {
            var engine = Engine(o => o.LanguageModelPath = model);

            var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), WithVocabulary, CancellationToken.None));

            Assert.Contains("Engines:PocketSphinx:LanguageModelPath", ex.Message, StringComparison.Ordinal);
            Assert.Contains("Engines:PocketSphinx:StudyVocabulary", ex.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
        }
        finally
        {
            File.Delete(model);
        }
    }

    [Fact]
    public async Task TranscribeAsync_StudyVocabularyOff_NeedsNoEspeak()
    {
        var engine = Engine(o => (o.StudyVocabulary, o.EspeakPath) = (false, "/nonexistent/espeak-ng"));

        var transcript = await engine.TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), WithVocabulary, CancellationToken.None);

        Assert.NotEmpty(transcript.Utterances);
    }
}
