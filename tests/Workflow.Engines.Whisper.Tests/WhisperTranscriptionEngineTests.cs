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
    public void TheNameIsStable_AndTheVersionIsTheBuildUntilAModelIsUsed()
    {
        using var engine = Engine(_files.Missing);
        Assert.Equal("whisper", engine.Name);
        Assert.Equal(EngineVersion.Of(typeof(WhisperTranscriptionEngine)), ((ITranscriptionEngine)engine).Version);
    }
}
