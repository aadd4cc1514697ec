using Workflow.Composition;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Transcription;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Transcription;

public sealed class PocketSphinxTranscriptionEngineTests(SampleSpeechFixture sample, ITestOutputHelper output)
    : IClassFixture<SampleSpeechFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    internal PocketSphinxTranscriptionEngine Engine(Action<PocketSphinxOptions>? configure = null)
    {
        var options = new PocketSphinxOptions();
        configure?.Invoke(options);
        return TestEngines.PocketSphinx(options, _temp.Path);
    }

    [Fact]
    public async Task TranscribeAsync_SynthesizedSpeech_GivesTimedUtterancesWithRecognisableWords()
    {
        var transcript = await Engine().TranscribeAsync(new LocalFileAudioSource("rec-1", sample.Mp3Path), TranscriptionRequest.ForLanguage("en-GB"), CancellationToken.None);
        var duration = (await new FfmpegAudioProbe(TestAudio.Ffmpeg()).ProbeAsync(sample.WavPath, CancellationToken.None)).DurationSeconds;

        Assert.Equal(("rec-1", "pocketsphinx-0.8"), (transcript.RecordingId, transcript.Source));
        Assert.NotEmpty(transcript.Utterances);
        Assert.Equal(["Speaker 1"], transcript.Speakers);
        AssertWellFormed(transcript, duration);

        // Measured with the en-gb voice: 6 of 16 content words (0.375). The margin absorbs small tool differences.
        var recall = Recognition.ContentWordRecall(TestAudio.ShortText, Recognition.Words(transcript));
        output.WriteLine($"content-word recall {recall:0.000}");
        Assert.True(recall >= 0.25, $"content-word recall {recall:0.000} below 0.25");
    }

    [Fact]
    public async Task TranscribeAsync_Finished_LeavesNoTemporaryFiles()
    {
        await Engine().TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), TranscriptionRequest.ForLanguage(null), CancellationToken.None);

        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task TranscribeAsync_MissingRecogniser_ThrowsEngineUnavailableNamingThePackages()
    {
        var engine = Engine(o => o.ExecutablePath = "/nonexistent/pocketsphinx_continuous");

        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), TranscriptionRequest.ForLanguage(null), CancellationToken.None));

        Assert.Contains("install the Debian packages 'pocketsphinx' and 'pocketsphinx-en-us'", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task TranscribeAsync_MissingAcousticModel_ThrowsEngineUnavailableBeforeDecoding()
    {
        var engine = Engine(o => o.AcousticModelPath = "/nonexistent/model/en-us");

        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), TranscriptionRequest.ForLanguage(null), CancellationToken.None));

        Assert.Contains("acoustic model not found", ex.Message, StringComparison.Ordinal);
        Assert.Contains("pocketsphinx-en-us", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_ModelTheRecogniserRejects_ThrowsEngineUnavailable()
    {
        // A folder with an mdef that is not a model passes the pre-check; sphinxbase's own error must still map.
        var model = Directory.CreateDirectory(Path.Combine(_temp.Path, "..", Path.GetFileName(_temp.Path) + "-model")).FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(model, "mdef"), "not a model\n");
            var engine = Engine(o => o.AcousticModelPath = model);

            var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), TranscriptionRequest.ForLanguage(null), CancellationToken.None));

            Assert.Contains("could not load its models", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(model, recursive: true);
        }
    }

    [Fact]
    public async Task TranscribeAsync_UnsupportedLanguage_ThrowsEngineUnavailable()
    {
        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => Engine().TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), TranscriptionRequest.ForLanguage("fr"), CancellationToken.None));

        Assert.Contains("'fr'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TranscribeAsync_RecogniserCrashes_ThrowsWithExitCodeAndCleansUp()
    {
        if (OperatingSystem.IsWindows()) return; // the fake recogniser is a shell script
        var crasher = Path.Combine(Path.GetDirectoryName(sample.WavPath)!, "crash.sh");
        await File.WriteAllTextAsync(crasher, "#!/bin/sh\necho 'ERROR: \"fake.c\", line 1: simulated failure' >&2\nkill -SEGV $$\n");
        File.SetUnixFileMode(crasher, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var ex = await Assert.ThrowsAsync<RecognizerFailedException>(() =>
            Engine(o => o.ExecutablePath = crasher).TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), TranscriptionRequest.ForLanguage(null), CancellationToken.None));

        Assert.Equal(139, ex.ExitCode);
        Assert.Contains("signal 11", ex.Message, StringComparison.Ordinal);
        Assert.Contains("simulated failure", ex.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task TranscribeAsync_Garbage_ThrowsInvalidUpload()
    {
        var path = _temp.File("../" + Path.GetFileName(_temp.Path) + "-garbage.wav");
        await File.WriteAllBytesAsync(path, new byte[5000]);
        try
        {
            await Assert.ThrowsAsync<InvalidUploadException>(() => Engine().TranscribeAsync(new LocalFileAudioSource("rec-1", path), TranscriptionRequest.ForLanguage(null), CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task TranscribeAsync_Cancelled_StopsAndCleansUp()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(800));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Engine().TranscribeAsync(new LocalFileAudioSource("rec-1", sample.WavPath), TranscriptionRequest.ForLanguage(null), cancellation.Token));

        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    internal static void AssertWellFormed(Transcript transcript, double durationSeconds)
    {
        var previousEnd = 0.0;
        foreach (var (utterance, index) in transcript.Utterances.Select((u, i) => (u, i)))
        {
            Assert.Equal(index, utterance.Index);
            Assert.NotEmpty(utterance.Words);
            Assert.Equal(string.Join(' ', utterance.Words.Select(w => w.Text)), utterance.Text);
            Assert.True(utterance.StartSeconds >= previousEnd, "utterances overlap or go back in time");
            Assert.Equal(utterance.Words[0].StartSeconds, utterance.StartSeconds);
            Assert.Equal(utterance.Words[^1].EndSeconds, utterance.EndSeconds);
            foreach (var word in utterance.Words)
            {
                Assert.True(word.StartSeconds >= previousEnd, "word times must increase");
                Assert.True(word.EndSeconds >= word.StartSeconds);
                Assert.InRange(word.EndSeconds, 0, durationSeconds + 0.05);
                Assert.InRange(word.Confidence, 0, 1);
                Assert.DoesNotContain('(', word.Text);
                previousEnd = word.StartSeconds;
            }
            previousEnd = utterance.EndSeconds!.Value;
        }
    }
}
