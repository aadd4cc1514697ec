using System.Buffers.Binary;
using Workflow.Engines.Local.Tests.Transcription;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Speech;

/// <summary>One synthesized turn: what is said, by which espeak-ng voice, and the silence after it.</summary>
public sealed record SpokenTurn(string Text, string Voice, double PauseAfterSeconds);

/// <summary>
/// Builds a 16 kHz recording from espeak-ng turns separated by known pauses, all over a white-noise
/// floor, and knows exactly where each turn's speech starts and ends (espeak's own leading and
/// trailing silence is trimmed off before the turns are laid out).
/// </summary>
public static class SpokenScene
{
    private const short SpeechEdge = 300; // ~1% of full scale: the first and last louder sample bound a turn

    /// <summary>Writes the scene to <paramref name="wavPath"/>; returns each turn's speech extent in seconds.</summary>
    public static async Task<IReadOnlyList<(double Start, double End)>> WriteAsync(
        string wavPath, IReadOnlyList<SpokenTurn> turns, double leadSeconds = 1.0, double noiseAmplitude = 160, int seed = 7)
    {
        var noise = new Random(seed);
        var extents = new List<(double, double)>();
        await using var output = new FileStream(wavPath, FileMode.Create, FileAccess.Write);
        output.Write(new byte[44]); // header written last, when the length is known
        long written = 0;

        void Emit(ReadOnlySpan<short> samples)
        {
            var bytes = new byte[samples.Length * 2];
            for (var i = 0; i < samples.Length; i++)
            {
                var mixed = samples[i] + (noise.NextDouble() * 2 - 1) * noiseAmplitude;
                BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(i * 2), (short)Math.Clamp(mixed, short.MinValue, short.MaxValue));
            }
            output.Write(bytes);
            written += samples.Length;
        }

        Emit(new short[(int)(leadSeconds * DecodedAudio.SampleRate)]);
        foreach (var turn in turns)
        {
            var speech = Trim(await SynthesizeAsync(turn.Text, turn.Voice, wavPath + ".turn"));
            extents.Add(((double)written / DecodedAudio.SampleRate, (double)(written + speech.Length) / DecodedAudio.SampleRate));
            Emit(speech);
            Emit(new short[(int)(turn.PauseAfterSeconds * DecodedAudio.SampleRate)]);
        }
        output.Position = 0;
        output.Write(Header(written * 2));
        return extents;
    }

    /// <summary>Joins 16 kHz mono WAV clips with <paramref name="pauseSeconds"/> of noise floor after each.</summary>
    public static void Concatenate(string wavPath, IEnumerable<string> clips, double pauseSeconds, double noiseAmplitude = 160, int seed = 13)
    {
        var noise = new Random(seed);
        using var output = new FileStream(wavPath, FileMode.Create, FileAccess.Write);
        output.Write(new byte[44]);
        long bytes = 0;
        var pause = new byte[(int)(pauseSeconds * DecodedAudio.SampleRate) * 2];
        foreach (var clip in clips)
        {
            var layout = WavLayout.Read(clip)!;
            var data = File.ReadAllBytes(clip).AsSpan((int)layout.DataOffset, (int)layout.AvailableDataSize);
            output.Write(data);
            for (var i = 0; i < pause.Length; i += 2)
                BinaryPrimitives.WriteInt16LittleEndian(pause.AsSpan(i), (short)((noise.NextDouble() * 2 - 1) * noiseAmplitude));
            output.Write(pause);
            bytes += data.Length + pause.Length;
        }
        output.Position = 0;
        output.Write(Header(bytes));
    }

    /// <summary>Writes <paramref name="seconds"/> of noise alone (amplitude 0 gives digital silence).</summary>
    public static void WriteNoise(string wavPath, double seconds, double amplitude, int seed = 11)
    {
        var noise = new Random(seed);
        var count = (int)(seconds * DecodedAudio.SampleRate);
        var bytes = new byte[44 + count * 2];
        Header(count * 2L).CopyTo(bytes, 0);
        for (var i = 0; i < count; i++)
            BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(44 + i * 2), (short)((noise.NextDouble() * 2 - 1) * amplitude));
        File.WriteAllBytes(wavPath, bytes);
    }

    private static async Task<short[]> SynthesizeAsync(string text, string voice, string scratch)
    {
        try
        {
            await Run("espeak-ng", ["-v", voice, "-s", "150", "-w", scratch + ".raw.wav", text]);
            await Run("sox", ["-R", scratch + ".raw.wav", "-r", "16000", "-c", "1", "-b", "16", scratch + ".wav"]);
            var layout = WavLayout.Read(scratch + ".wav")!;
            var bytes = File.ReadAllBytes(scratch + ".wav").AsSpan((int)layout.DataOffset, (int)layout.AvailableDataSize);
            return System.Runtime.InteropServices.MemoryMarshal.Cast<byte, short>(bytes).ToArray();
        }
        finally
        {
            File.Delete(scratch + ".raw.wav");
            File.Delete(scratch + ".wav");
        }
    }

    private static short[] Trim(short[] samples)
    {
        var first = Array.FindIndex(samples, s => Math.Abs((int)s) > SpeechEdge);
        var last = Array.FindLastIndex(samples, s => Math.Abs((int)s) > SpeechEdge);
        return first < 0 ? [] : samples[first..(last + 1)];
    }

    private static async Task Run(string tool, string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(tool, arguments, "install " + tool, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(result.ExitCode == 0, $"{tool} failed: " + string.Join('\n', result.StandardErrorTail));
    }

    private static byte[] Header(long dataBytes)
    {
        var header = new byte[44];
        var span = header.AsSpan();
        "RIFF"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt32LittleEndian(span[4..], (uint)(36 + dataBytes));
        "WAVEfmt "u8.CopyTo(span[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(span[24..], DecodedAudio.SampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(span[28..], DecodedAudio.BytesPerSecond);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], 16);
        "data"u8.CopyTo(span[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(span[40..], (uint)dataBytes);
        return header;
    }
}
