using Workflow.Domain.Ports;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

public sealed class FfmpegAudioProbeTests(SampleSpeechFixture sample) : IClassFixture<SampleSpeechFixture>, IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly FfmpegAudioProbe _probe = new(TestAudio.Ffmpeg());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ProbeAsync_SynthesizedWav_ReportsDurationCodecRateAndChannels()
    {
        var info = await _probe.ProbeAsync(sample.WavPath, CancellationToken.None);

        Assert.InRange(info.DurationSeconds, 8, 20);
        Assert.Equal("pcm_s16le", info.Codec);
        Assert.Equal(16000, info.SampleRate);
        Assert.Equal(1, info.Channels);
    }

    [Fact]
    public async Task ProbeAsync_Mp3_IsAccepted()
    {
        var info = await _probe.ProbeAsync(sample.Mp3Path, CancellationToken.None);

        Assert.Equal("mp3", info.Codec);
        Assert.InRange(info.DurationSeconds, 8, 20);
    }

    [Fact]
    public async Task ProbeAsync_EmptyFile_IsRejectedAsEmpty()
    {
        var path = _folder.File("empty.wav");
        await File.WriteAllBytesAsync(path, []);

        var ex = await Assert.ThrowsAsync<InvalidUploadException>(() => _probe.ProbeAsync(path, CancellationToken.None));

        Assert.Equal("The upload is empty (0 bytes).", ex.Message);
    }

    [Fact]
    public async Task ProbeAsync_RandomBytes_AreRejectedAsNotDecodableWithoutThePath()
    {
        var path = _folder.File("participant-jane-doe.wav");
        await File.WriteAllBytesAsync(path, RandomBytes(20_000));

        var ex = await Assert.ThrowsAsync<InvalidUploadException>(() => _probe.ProbeAsync(path, CancellationToken.None));

        Assert.StartsWith("The upload is not decodable audio", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("jane", ex.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ProbeAsync_TextFileRenamedWav_IsRejectedWithoutQuotingTheText()
    {
        var path = _folder.File("notes.wav");
        await File.WriteAllTextAsync(path, "Interview notes: the participant lives on Elm Street.\n");

        var ex = await Assert.ThrowsAsync<InvalidUploadException>(() => _probe.ProbeAsync(path, CancellationToken.None));

        Assert.StartsWith("The upload is not decodable audio", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Elm", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_TruncatedWav_IsRejectedAsTruncated()
    {
        var path = _folder.File("cut.wav");
        TestAudio.Truncate(sample.WavPath, path, 0.4);

        var ex = await Assert.ThrowsAsync<InvalidUploadException>(() => _probe.ProbeAsync(path, CancellationToken.None));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_WavTruncatedOnAPacketBoundary_IsStillRejectedFromItsHeader()
    {
        // ffprobe says nothing when the cut falls on a whole packet; only the header betrays it.
        var bytes = await File.ReadAllBytesAsync(sample.WavPath);
        var path = _folder.File("cut-aligned.wav");
        await File.WriteAllBytesAsync(path, bytes[..(44 + 4096 * 20)]);

        var ex = await Assert.ThrowsAsync<InvalidUploadException>(() => _probe.ProbeAsync(path, CancellationToken.None));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProbeAsync_TruncatedMp3_IsRejectedAsTruncated()
    {
        var path = _folder.File("cut.mp3");
        TestAudio.Truncate(sample.Mp3Path, path, 0.4);

        var ex = await Assert.ThrowsAsync<InvalidUploadException>(() => _probe.ProbeAsync(path, CancellationToken.None));

        Assert.Contains("truncated", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("libvorbis", ".ogg")]
    [InlineData("libopus", ".opus")]
    public async Task ProbeAsync_TruncatedOgg_IsRejectedAsTruncated(string codec, string extension)
    {
        // ffprobe accepted these and reported the shorter length: Ogg pages stand on their own.
        var whole = _folder.File("whole" + extension);
        await TestAudio.FfmpegAsync("-i", sample.WavPath, "-c:a", codec, whole);
        Assert.True((await _probe.ProbeAsync(whole, CancellationToken.None)).DurationSeconds > 0);
        var path = _folder.File("cut" + extension);
        TestAudio.Truncate(whole, path, 0.4);

        var ex = await Assert.ThrowsAsync<InvalidUploadException>(() => _probe.ProbeAsync(path, CancellationToken.None));

        Assert.Equal("The upload appears truncated: its last Ogg page runs past the end of the file.", ex.Message);
    }

    [Fact]
    public async Task ProbeAsync_VideoWithoutAudio_IsRejectedForHavingNoAudioStream()
    {
        var path = _folder.File("video.mkv");
        await TestAudio.FfmpegAsync("-f", "lavfi", "-i", "color=c=black:s=64x64:d=1", "-c:v", "ffv1", path);

        var ex = await Assert.ThrowsAsync<InvalidUploadException>(() => _probe.ProbeAsync(path, CancellationToken.None));

        Assert.Equal("The upload has no audio stream.", ex.Message);
    }

    [Fact]
    public async Task ProbeAsync_WavWithNoSamples_IsRejectedForZeroDuration()
    {
        var path = _folder.File("silent-header.wav");
        var header = (await File.ReadAllBytesAsync(sample.WavPath))[..44];
        header[40] = header[41] = header[42] = header[43] = 0; // data chunk of 0 bytes
        header[4] = 36; header[5] = header[6] = header[7] = 0;
        await File.WriteAllBytesAsync(path, header);

        var ex = await Assert.ThrowsAsync<InvalidUploadException>(() => _probe.ProbeAsync(path, CancellationToken.None));

        Assert.Equal("The upload's audio has zero or unknown duration.", ex.Message);
    }

    [Fact]
    public async Task ProbeAsync_MissingFfprobe_ThrowsEngineUnavailable()
    {
        var probe = new FfmpegAudioProbe(TestAudio.Ffmpeg(o => o.FfprobePath = "/nonexistent/ffprobe"));

        var ex = await Assert.ThrowsAsync<EngineUnavailableException>(() => probe.ProbeAsync(sample.WavPath, CancellationToken.None));

        Assert.Contains("install the Debian package 'ffmpeg'", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        new Random(7).NextBytes(bytes);
        return bytes;
    }
}
