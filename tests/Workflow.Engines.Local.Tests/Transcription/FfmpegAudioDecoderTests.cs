using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

public sealed class FfmpegAudioDecoderTests(SampleSpeechFixture sample) : IClassFixture<SampleSpeechFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private FfmpegAudioDecoder Decoder(string? ffmpeg = null) =>
        new(TestAudio.Ffmpeg(o =>
        {
            if (ffmpeg is not null) o.FfmpegPath = ffmpeg;
        }), new WorkArea(_temp.Path));

    [Fact]
    public async Task DecodeAsync_Mp3_Gives16kHzMonoPcmWavOfTheSameLength()
    {
        using var audio = await Decoder().DecodeAsync(sample.Mp3Path, CancellationToken.None);

        var info = await new FfmpegAudioProbe(TestAudio.Ffmpeg()).ProbeAsync(audio.Path, CancellationToken.None);
        Assert.Equal(("pcm_s16le", 16000, 1), (info.Codec, info.SampleRate, info.Channels));
        Assert.Equal(info.DurationSeconds, audio.DurationSeconds, 2);
        var original = await new FfmpegAudioProbe(TestAudio.Ffmpeg()).ProbeAsync(sample.WavPath, CancellationToken.None);
        Assert.InRange(audio.DurationSeconds, original.DurationSeconds - 0.1, original.DurationSeconds + 0.1);
    }

    [Fact]
    public async Task Dispose_DeletesTheDecodedFileAndItsFolder()
    {
        var audio = await Decoder().DecodeAsync(sample.WavPath, CancellationToken.None);
        Assert.True(File.Exists(audio.Path));

        audio.Dispose();

        Assert.False(File.Exists(audio.Path));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task DecodeAsync_TempFolder_IsPrivateToTheOwner()
    {
        if (OperatingSystem.IsWindows()) return; // ACLs there, not modes
        using var audio = await Decoder().DecodeAsync(sample.WavPath, CancellationToken.None);

        var mode = File.GetUnixFileMode(Path.GetDirectoryName(audio.Path)!);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, mode);
    }

    [Fact]
    public async Task DecodeAsync_UndecodableInput_ThrowsInvalidUploadAndLeavesNoTempFiles()
    {
        var path = sample.WavPath + ".garbage.wav";
        await File.WriteAllTextAsync(path, "not audio at all, just words\n");
        try
        {
            var ex = await Assert.ThrowsAsync<InvalidUploadException>(() => Decoder().DecodeAsync(path, CancellationToken.None));

            Assert.StartsWith("The recording could not be decoded as audio", ex.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("words", ex.Message, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task DecodeAsync_MissingFfmpeg_ThrowsEngineUnavailableAndLeavesNoTempFiles()
    {
        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            Decoder("/nonexistent/bin/ffmpeg").DecodeAsync(sample.WavPath, CancellationToken.None));

        Assert.Equal("ffmpeg not found at '/nonexistent/bin/ffmpeg': install the Debian package 'ffmpeg'", ex.Message);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Path));
    }
}
