using System.Buffers.Binary;
using Workflow.Engines.Local.Transcription;
using Workflow.Engines.Local.Tests.Transcription;

namespace Workflow.Engines.Local.Tests.Diarization;

/// <summary>
/// Synthesises a scripted conversation into a 16 kHz mono 16-bit WAV and returns the reference
/// speaker timeline. Each turn is spoken by espeak-ng, resampled by sox with its leading and trailing
/// silence trimmed (so the reference turn is where the voice is), placed after its pause, and the whole
/// file gets a faint seeded white-noise floor, because PocketSphinx mis-normalises digital silence.
/// </summary>
public static class SyntheticConversation
{
    private const int SampleRate = 16000;

    public static async Task<IReadOnlyList<SpeakerSegment>> SynthesizeAsync(
        IReadOnlyList<ScriptedTurn> turns, IReadOnlyList<SyntheticVoice> voices, string outPath, int seed)
    {
        var folder = Directory.CreateTempSubdirectory("voices-").FullName;
        try
        {
            var samples = new List<short>();
            var reference = new List<SpeakerSegment>();
            Silence(samples, 0.5);
            foreach (var (turn, index) in turns.Select((t, i) => (t, i)))
            {
                Silence(samples, turn.PauseBeforeSeconds);
                var speech = await SpeakAsync(voices[turn.Voice], turn.Text, Path.Combine(folder, $"turn{index}"));
                var start = (double)samples.Count / SampleRate;
                samples.AddRange(speech);
                reference.Add(new SpeakerSegment(start, (double)samples.Count / SampleRate, $"voice {turn.Voice + 1}"));
            }
            Silence(samples, 0.5);
            AddNoiseFloor(samples, seed);
            WriteWav(outPath, samples);
            return reference;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<short[]> SpeakAsync(SyntheticVoice voice, string text, string stem)
    {
        await Run("espeak-ng", voice.Arguments(stem + ".raw.wav", text));
        await Run("sox", ["-R", stem + ".raw.wav", "-r", "16000", "-c", "1", "-b", "16", stem + ".wav",
                          "silence", "1", "0.02", "0.3%", "reverse", "silence", "1", "0.02", "0.3%", "reverse"]);
        var layout = WavLayout.Read(stem + ".wav") ?? throw new InvalidDataException("sox wrote no WAV");
        var bytes = File.ReadAllBytes(stem + ".wav").AsSpan((int)layout.DataOffset, (int)layout.AvailableDataSize);
        var result = new short[bytes.Length / 2];
        for (var i = 0; i < result.Length; i++) result[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(i * 2)..]);
        return result;
    }

    private static async Task Run(string tool, string[] arguments)
    {
        var result = await ProcessRunner.RunAsync(tool, arguments, $"install the Debian package providing {tool}", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(result.ExitCode == 0, $"{tool} failed: " + string.Join('\n', result.StandardErrorTail));
    }

    private static void Silence(List<short> samples, double seconds) => samples.AddRange(new short[(int)Math.Round(seconds * SampleRate)]);

    /// <summary>Uniform noise of ±0.005 full scale, like the sample script's <c>sox synth whitenoise vol 0.005</c>.</summary>
    private static void AddNoiseFloor(List<short> samples, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < samples.Count; i++)
            samples[i] = (short)Math.Clamp(samples[i] + (random.NextDouble() * 2 - 1) * 0.005 * 32767, short.MinValue, short.MaxValue);
    }

    private static void WriteWav(string path, List<short> samples)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write("RIFF"u8);
        writer.Write(36 + samples.Count * 2);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1); // PCM
        writer.Write((short)1); // mono
        writer.Write(SampleRate);
        writer.Write(SampleRate * 2);
        writer.Write((short)2);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(samples.Count * 2);
        foreach (var s in samples) writer.Write(s);
    }
}
