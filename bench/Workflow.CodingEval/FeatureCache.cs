using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Learning;
using Workflow.Engines.Semantic;

namespace Workflow.CodingEval;

/// <summary>
/// The learning curve's segment features kept in a file between runs (--features-cache FILE), so
/// trying training settings does not wait minutes for the sentence model each time. The file is keyed
/// by the segments' ids and texts only: whoever changes the featurizer deletes it.
/// </summary>
internal static class FeatureCache
{
    public static IReadOnlyDictionary<string, FeatureVector> Featurize(IReadOnlyList<Segment> segments, string? path)
    {
        var key = Key(segments);
        if (path is not null && File.Exists(path) && Read(path, key) is { } cached) return cached;
        var features = SegmentFeaturizer.Featurize(segments, contextWeight: 0.3, batchSize: 64, CancellationToken.None);
        if (path is not null) Write(path, key, features);
        return features;
    }

    private static string Key(IReadOnlyList<Segment> segments)
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var s in segments) hash.AppendData(System.Text.Encoding.UTF8.GetBytes(s.Id + "\u0001" + s.Text + "\u0002"));
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static Dictionary<string, FeatureVector>? Read(string path, string key)
    {
        using var reader = new BinaryReader(File.OpenRead(path));
        if (reader.ReadString() != key) return null;
        var count = reader.ReadInt32();
        var result = new Dictionary<string, FeatureVector>(count, StringComparer.Ordinal);
        for (var n = 0; n < count; n++)
        {
            var id = reader.ReadString();
            var dense = new float[reader.ReadInt32()];
            for (var i = 0; i < dense.Length; i++) dense[i] = reader.ReadSingle();
            var sparse = reader.ReadInt32();
            var indices = new int[sparse];
            var values = new float[sparse];
            for (var i = 0; i < sparse; i++) (indices[i], values[i]) = (reader.ReadInt32(), reader.ReadSingle());
            result[id] = new FeatureVector(dense, indices, values);
        }
        return result;
    }

    private static void Write(string path, string key, IReadOnlyDictionary<string, FeatureVector> features)
    {
        using var writer = new BinaryWriter(File.Create(path));
        writer.Write(key);
        writer.Write(features.Count);
        foreach (var (id, x) in features)
        {
            writer.Write(id);
            writer.Write(x.Dense.Length);
            foreach (var v in x.Dense) writer.Write(v);
            writer.Write(x.SparseIndices.Length);
            for (var i = 0; i < x.SparseIndices.Length; i++) { writer.Write(x.SparseIndices[i]); writer.Write(x.SparseValues[i]); }
        }
    }
}
