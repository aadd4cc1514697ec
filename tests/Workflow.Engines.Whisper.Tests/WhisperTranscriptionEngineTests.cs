using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Whisper.Tests;

/// <summary>
/// The engine's failures without a usable model. Real recognition needs a ggml model, which cannot be
/// obtained here and does not ship, so it is not tested; these tests still run the real checks and,
/// for a truncated model, the real native loader.
/// </summary>
public sealed class WhisperTranscriptionEngineTests : IDisposable
{
    private readonly ModelFiles _files = new();

    public void Dispose() => _files.Dispose();

    private WhisperTranscriptionEngine Engine(string? modelPath) => new(
        Options.Create(new WhisperOptions { ModelPath = modelPath, Threads = 1 }),
        new FfmpegAudioDecoder(Options.Create(new FfmpegOptions()), new WorkArea(Path.Combine(_files.Folder, "work"))),
        NullLogger<WhisperTranscriptionEngine>.Instance);

    /// <summary>Audio that does not exist: a test passes only if the model check comes before the audio is read.</summary>
    private Task<Workflow.Domain.Transcripts.Transcript> TranscribeAsync(WhisperTranscriptionEngine engine) =>
        engine.TranscribeAsync(new LocalFileAudioSource("r1", Path.Combine(_files.Folder, "no-such-audio.wav")), TranscriptionRequest.ForLanguage("en-GB"), CancellationToken.None);

    [Fact]
    public async Task WithoutAModelPath_TheEngineIsUnavailable_NamingTheSetting()
    {
        using var engine = Engine(null);
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => TranscribeAsync(engine));
        Assert.Contains("Engines:Whisper:ModelPath", error.Message);
        Assert.Contains("ggml-base.en.bin", error.Message);
    }

    [Fact]
    public async Task AMissingModelFile_MakesTheEngineUnavailable()
    {
        using var engine = Engine(_files.Missing);
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => TranscribeAsync(engine));
        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public async Task AJunkModelFile_MakesTheEngineUnavailable_WithoutACrash()
    {
        using var engine = Engine(_files.Junk());
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => TranscribeAsync(engine));
        Assert.Contains("is not a complete ggml Whisper model", error.Message);
    }

    [Fact]
    public async Task AModelCutOffAfterItsHeader_IsRefused_BeforeWhisperCppCanAbortTheProcess()
    {
        using var engine = Engine(_files.HeaderOnly());
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => TranscribeAsync(engine));
        Assert.Contains("is not a complete ggml Whisper model", error.Message);
    }

    [Fact]
    public async Task AWellFormedFileThatIsNoModel_IsRefusedByTheNativeLoader_AsUnavailable_BeforeAnyAudioIsDecoded()
    {
        // Passes the layout check, so this loads Whisper's native library (needs libgomp1) and lets
        // whisper.cpp itself reject the made-up tensors.
        using var engine = Engine(_files.Complete());
        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => TranscribeAsync(engine));
        Assert.Contains("Whisper could not load the model", error.Message);
        Assert.Contains("Engines:Whisper:ModelPath", error.Message);
        Assert.False(Directory.Exists(Path.Combine(_files.Folder, "work")), "no audio should have been decoded");
    }

    [Fact]
    public async Task WithALoadableModel_TheWholePathRuns_AndTheDecodedAudioIsDeleted()
    {
        // The zero-weight model recognises nothing, but this is the real path: model check and load,
        // ffmpeg decode into the work area, whisper.cpp over the audio, segments mapped to utterances.
        var model = Path.Combine(_files.Folder, "zero-tiny.en.bin");
        ZeroWeightModel.Write(model);
        var audio = Path.Combine(_files.Folder, "tone.wav");
        WriteTone(audio, seconds: 2);
        using var engine = new WhisperTranscriptionEngine(
            Options.Create(new WhisperOptions { ModelPath = model, Threads = 1 }),
            new FfmpegAudioDecoder(Options.Create(new FfmpegOptions()), new WorkArea(Path.Combine(_files.Folder, "work"))),
            NullLogger<WhisperTranscriptionEngine>.Instance);

        var transcript = await engine.TranscribeAsync(new LocalFileAudioSource("r1", audio), new TranscriptionRequest("en-GB", 2, ["Penhale"]), CancellationToken.None);

        Assert.Equal(("r1", "whisper"), (transcript.RecordingId, transcript.Source));
        Assert.All(transcript.Utterances, u =>
        {
            Assert.Equal("Speaker 1", u.Speaker);
            Assert.True(u.StartSeconds >= 0 && u.EndSeconds >= u.StartSeconds && u.EndSeconds <= 2.0, $"{u.StartSeconds}-{u.EndSeconds}");
            Assert.All(u.Words, w => Assert.True(w.StartSeconds >= u.StartSeconds && w.EndSeconds <= u.EndSeconds && w.Confidence is >= 0 and <= 1));
        });
        Assert.Matches(@" model zero-tiny\.en\.bin sha256:[0-9a-f]{12}$", ((ITranscriptionEngine)engine).Version);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_files.Folder, "work")));
    }

    /// <summary>A 16 kHz mono 16-bit PCM WAV of a 440 Hz tone.</summary>
    private static void WriteTone(string path, int seconds)
    {
        const int rate = 16000;
        var samples = rate * seconds;
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + samples * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)1);
        writer.Write(rate);
        writer.Write(rate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples * 2);
        for (var i = 0; i < samples; i++) writer.Write((short)(8000 * Math.Sin(2 * Math.PI * 440 * i / rate)));
    }

    [Fact]
    public void TheNameIsStable_AndTheVersionIsTheBuildUntilAModelIsUsed()
    {
        using var engine = Engine(_files.Missing);
        Assert.Equal("whisper", engine.Name);
        Assert.Equal(EngineVersion.Of(typeof(WhisperTranscriptionEngine)), ((ITranscriptionEngine)engine).Version);
    }
}
