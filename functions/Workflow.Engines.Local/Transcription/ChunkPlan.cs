using System.Text.Json;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Where a prepared recording's chunks lie in its decoded WAV (sample positions), kept in the
/// transcription scratch so chunk activities on any worker cut the same audio. Holds no words.
/// </summary>
internal sealed record ChunkPlan(long DataOffset, long TotalSamples, IReadOnlyList<ChunkSpan> Chunks)
{
    /// <summary>Scratch names: the plan is written last, so its presence means the preparation finished.</summary>
    public const string PlanName = "plan.json";
    public const string AudioName = "audio.wav";

    public const string ResultPrefix = "chunk-";

    public static string ResultName(int chunk) => $"{ResultPrefix}{chunk:D4}.json";

    public double DurationSeconds => (double)TotalSamples / DecodedAudio.SampleRate;

    /// <summary>
    /// One chunk per pair of neighbouring <paramref name="cuts"/> (first 0, last the end); each after the
    /// first starts <paramref name="leadInSamples"/> before its cut (see <see cref="AudioChunk.LeadInSeconds"/>).
    /// </summary>
    public static ChunkPlan From(long dataOffset, IReadOnlyList<long> cuts, long leadInSamples)
    {
        if (cuts.Count < 2 || cuts[0] != 0) throw new ArgumentException("Cuts run from 0 to the end of the audio.", nameof(cuts));
        var spans = new List<ChunkSpan>(cuts.Count - 1);
        for (var i = 0; i + 1 < cuts.Count; i++)
            spans.Add(new ChunkSpan(Math.Max(i == 0 ? 0 : cuts[i - 1], cuts[i] - leadInSamples), cuts[i], cuts[i + 1]));
        return new ChunkPlan(dataOffset, cuts[^1], spans);
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static ChunkPlan FromJson(string json) =>
        JsonSerializer.Deserialize<ChunkPlan>(json) is { Chunks.Count: > 0 } plan ? plan : throw new InvalidDataException("The stored chunk plan is empty.");
}

/// <summary>A chunk's samples: it starts at <paramref name="FromSample"/>, its own words from <paramref name="OwnFromSample"/>.</summary>
internal sealed record ChunkSpan(long FromSample, long OwnFromSample, long ToSample)
{
    public long ByteLength => (ToSample - FromSample) * 2;

    public AudioChunk At(string path) => new(path, Seconds(FromSample), Seconds(ToSample - FromSample), Seconds(OwnFromSample - FromSample));

    private static double Seconds(long samples) => (double)samples / DecodedAudio.SampleRate;
}
