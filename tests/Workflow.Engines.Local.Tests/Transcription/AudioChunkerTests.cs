using Workflow.Composition;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

public sealed class AudioChunkerTests(LongSpeechFixture speech) : IClassFixture<LongSpeechFixture>, IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Split_LongRecording_GivesContiguousChunksCoveringEverySample()
    {
        using var audio = await new FfmpegAudioDecoder(TestAudio.Ffmpeg(), new WorkArea(_temp.Path)).DecodeAsync(speech.WavPath, CancellationToken.None);

        var chunks = AudioChunker.Split(audio, chunkSeconds: 12, searchSeconds: 4);

        Assert.InRange(chunks.Count, 3, 4);
        Assert.Equal(0, chunks[0].OffsetSeconds);
        for (var i = 1; i < chunks.Count; i++)
            Assert.Equal(chunks[i - 1].OffsetSeconds + chunks[i - 1].DurationSeconds, chunks[i].OffsetSeconds, 6);
        Assert.Equal(audio.DurationSeconds, chunks.Sum(c => c.DurationSeconds), 6);
        foreach (var chunk in chunks)
        {
            Assert.Equal(chunk.DurationSeconds, WavLayout.Read(chunk.Path)!.AvailableDataSize / (double)DecodedAudio.BytesPerSecond, 6);
            Assert.Equal(Path.GetDirectoryName(audio.Path), Path.GetDirectoryName(chunk.Path));
        }
    }

    [Fact]
    public async Task Split_CutPoints_FallInPausesRatherThanSpeech()
    {
        using var audio = await new FfmpegAudioDecoder(TestAudio.Ffmpeg(), new WorkArea(_temp.Path)).DecodeAsync(speech.WavPath, CancellationToken.None);
        var samples = ReadSamples(audio);

        var chunks = AudioChunker.Split(audio, chunkSeconds: 12, searchSeconds: 4);

        // The noise floor is vol 0.005 (~160 peak); speech peaks in the thousands.
        foreach (var cut in chunks.Skip(1).Select(c => (int)(c.OffsetSeconds * DecodedAudio.SampleRate)))
            Assert.True(Rms(samples, cut - 800, cut + 800) < 300, $"cut at {cut / 16000.0:0.00} s is not in a pause");
    }

    [Fact]
    public async Task Split_ShortRecording_IsOneChunk()
    {
        using var audio = await new FfmpegAudioDecoder(TestAudio.Ffmpeg(), new WorkArea(_temp.Path)).DecodeAsync(speech.WavPath, CancellationToken.None);

        var chunks = AudioChunker.Split(audio, chunkSeconds: 60);

        Assert.Equal((0.0, audio.DurationSeconds), (chunks.Single().OffsetSeconds, chunks.Single().DurationSeconds));
    }

    internal static short[] ReadSamples(DecodedAudio audio)
    {
        var bytes = File.ReadAllBytes(audio.Path).AsSpan((int)audio.Layout.DataOffset);
        return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(bytes).ToArray();
    }

    internal static double Rms(short[] samples, int from, int to)
    {
        var slice = samples[Math.Max(0, from)..Math.Min(samples.Length, to)];
        return Math.Sqrt(slice.Average(s => (double)s * s));
    }
}
