using Workflow.Composition;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

/// <summary>The real ffmpeg makes the toned copy; what it holds is measured by the energy at each frequency.</summary>
public sealed class FfmpegAudioRedactorTests : IDisposable
{
    private const double Voice = 300;  // the source's only frequency, standing in for speech
    private const double Tone = 880;   // the redactor's tone

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static FfmpegAudioRedactor Redactor(string? ffmpeg = null) => new(TestAudio.Ffmpeg(o =>
    {
        if (ffmpeg is not null) o.FfmpegPath = ffmpeg;
    }));

    /// <summary>A stereo 44.1 kHz mp3 of a steady 300 Hz sine: the redactor must resample and mix down too.</summary>
    private async Task<string> SourceAsync(double seconds)
    {
        var path = _temp.File("source.mp3");
        await TestAudio.FfmpegAsync("-f", "lavfi", "-i", $"sine=frequency={Voice}:sample_rate=44100:duration={seconds}", "-ac", "2", "-c:a", "libmp3lame", path);
        return path;
    }

    /// <summary>The output decoded back to 16 kHz samples, as a listener would hear it.</summary>
    private async Task<short[]> HeardAsync(string ogg)
    {
        using var decoded = await new FfmpegAudioDecoder(TestAudio.Ffmpeg(), new WorkArea(_temp.Path)).DecodeAsync(ogg, CancellationToken.None);
        var bytes = await File.ReadAllBytesAsync(decoded.Path);
        var data = bytes.AsSpan((int)decoded.Layout.DataOffset);
        var samples = new short[data.Length / 2];
        for (var i = 0; i < samples.Length; i++) samples[i] = BitConverter.ToInt16(data[(2 * i)..]);
        return samples;
    }

    /// <summary>Amplitude of one frequency in 100 ms starting at <paramref name="atSeconds"/> (Goertzel).</summary>
    private static double Level(short[] samples, double atSeconds, double frequency)
    {
        var from = (int)(atSeconds * 16_000);
        var span = samples.AsSpan(from, Math.Min(1600, samples.Length - from));
        var coefficient = 2 * Math.Cos(2 * Math.PI * frequency / 16_000);
        double s1 = 0, s2 = 0;
        foreach (var v in span)
        {
            var s = v + coefficient * s1 - s2;
            s2 = s1;
            s1 = s;
        }
        return Math.Sqrt(Math.Max(0, s1 * s1 + s2 * s2 - coefficient * s1 * s2)) / span.Length;
    }

    [Fact]
    public async Task InsideEachSpan_TheVoiceIsGone_AndTheToneSounds_AndOutsideTheVoiceIsKept()
    {
        var source = await SourceAsync(6);
        var output = _temp.File("deidentified.ogg");
        AudioSpan[] spans = [new(3.5, 4.2), new(1.0, 2.0)];

        await Redactor().RenderAsync(source, spans, output, CancellationToken.None);

        var heard = await HeardAsync(output);
        Assert.InRange(heard.Length / 16_000d, 5.9, 6.1);
        var voice = Level(heard, 0.3, Voice);
        Assert.True(voice > 500, $"the voice is not there before the first span ({voice:0})");
        foreach (var at in new[] { 1.1, 1.5, 1.85, 3.6, 4.0 })
        {
            Assert.True(Level(heard, at, Voice) < voice / 100, $"the voice is heard at {at} s, inside a span");
            Assert.True(Level(heard, at, Tone) > voice / 20, $"no tone at {at} s, inside a span");
        }
        foreach (var at in new[] { 0.2, 0.8, 2.1, 3.0, 4.3, 5.5 })
        {
            Assert.True(Level(heard, at, Voice) > voice / 2, $"the voice is missing at {at} s, outside the spans");
            Assert.True(Level(heard, at, Tone) < voice / 100, $"the tone sounds at {at} s, outside the spans");
        }
    }

    [Fact]
    public async Task HundredsOfSpans_AreAllCovered()
    {
        // A hostile or very long transcript: 400 spans, far more than one filter expression holds.
        var source = await SourceAsync(90);
        var spans = Enumerable.Range(0, 400).Select(i => new AudioSpan(i * 0.2 + 5, i * 0.2 + 5.1)).ToList();
        spans.Add(new AudioSpan(86, 88));
        var output = _temp.File("many.ogg");

        await Redactor().RenderAsync(source, spans, output, CancellationToken.None);

        var heard = await HeardAsync(output);
        var voice = Level(heard, 1, Voice);
        Assert.True(Level(heard, 86.5, Voice) < voice / 100, "the last span, after 400 others, is not covered");
        Assert.True(Level(heard, 86.5, Tone) > voice / 20);
        Assert.True(Level(heard, 2, Tone) < voice / 100);
    }

    [Fact]
    public async Task WithNoSpans_TheCopyIsTheVoiceAlone()
    {
        var output = _temp.File("plain.ogg");
        await Redactor().RenderAsync(await SourceAsync(2), [], output, CancellationToken.None);

        var heard = await HeardAsync(output);
        Assert.True(Level(heard, 1, Voice) > 500);
        Assert.True(Level(heard, 1, Tone) < 5);
    }

    [Fact]
    public async Task AnUndecodableSource_IsAnInvalidUpload_AndAMissingTool_IsNamed()
    {
        var garbage = _temp.File("garbage.mp3");
        await File.WriteAllBytesAsync(garbage, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7))]);
        var error = await Assert.ThrowsAsync<InvalidUploadException>(() => Redactor().RenderAsync(garbage, [new(0, 1)], _temp.File("x.ogg"), CancellationToken.None));
        Assert.Contains("de-identified audio could not be made", error.Message);
        Assert.Empty(Directory.EnumerateFiles(_temp.Path, "*.filter"));

        var missing = await Assert.ThrowsAsync<EngineUnavailableException>(() =>
            Redactor("/nonexistent/ffmpeg").RenderAsync(garbage, [new(0, 1)], _temp.File("y.ogg"), CancellationToken.None));
        Assert.Contains("ffmpeg", missing.Message);
    }
}
