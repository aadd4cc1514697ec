using Workflow.Domain.Coding;

namespace Workflow.Engines.Semantic;

/// <summary>
/// One codebook version's codes as embedded texts: per code, its name with its definition, its
/// inclusion criteria and each example quote, plus the code's calibration. Built once per version and
/// cached; immutable and shared by concurrent calls.
/// </summary>
internal sealed class CodePrototypes
{
    private CodePrototypes(string[] codeIds, Prototype[][] byCode, SimilarityCalibration[] calibration, IReadOnlyList<CodebookEntry> source)
    {
        CodeIds = codeIds;
        ByCode = byCode;
        Calibration = calibration;
        Source = source;
    }

    public string[] CodeIds { get; }

    /// <summary>Each code's embedded texts.</summary>
    public Prototype[][] ByCode { get; }

    public SimilarityCalibration[] Calibration { get; }

    /// <summary>The entries this was built from, to detect a reused key whose content changed.</summary>
    public IReadOnlyList<CodebookEntry> Source { get; }

    /// <summary>A code text and its vector; <see cref="IsExample"/> for quotes (shown as evidence).</summary>
    internal sealed record Prototype(string Text, bool IsExample, float[] Vector);

    public static CodePrototypes Build(Codebook codebook, Func<IReadOnlyList<string>, float[][]> encode)
    {
        var codes = codebook.ApplicableCodes.ToArray();
        var texts = codes.Select(Texts).ToArray();
        var flat = texts.SelectMany(t => t).ToList();
        var vectors = encode(flat.Select(t => t.Text).ToList());
        var at = 0;
        var byCode = texts.Select(t => t.Select(x => new Prototype(x.Text, x.IsExample, vectors[at++])).ToArray()).ToArray();
        return new CodePrototypes(codes.Select(c => c.Id).ToArray(), byCode, Calibrate(byCode), codebook.Codes);
    }

    /// <summary>The best similarity of <paramref name="vector"/> to each code, and which prototype gave it.</summary>
    public (double Similarity, int Prototype)[] Similarities(float[] vector) =>
        ByCode.Select(prototypes =>
        {
            var best = (Similarity: double.MinValue, Prototype: -1);
            for (var p = 0; p < prototypes.Length; p++)
            {
                double s = Vectors.Dot(vector, prototypes[p].Vector);
                if (s > best.Similarity) best = (s, p);
            }
            return best;
        }).ToArray();

    private static List<(string Text, bool IsExample)> Texts(CodebookEntry code)
    {
        var texts = new List<(string, bool)> { ($"{code.Name}: {code.Definition}", false) };
        if (!string.IsNullOrWhiteSpace(code.InclusionCriteria)) texts.Add((code.InclusionCriteria!, false));
        foreach (var example in code.Examples ?? [])
            if (!string.IsNullOrWhiteSpace(example)) texts.Add((example.Trim().Trim('"', '\'', '\u201C', '\u201D', '\u2018', '\u2019'), true));
        return texts;
    }

    /// <summary>See <see cref="SimilarityCalibration"/>: held-out own texts against other codes' texts.</summary>
    private static SimilarityCalibration[] Calibrate(Prototype[][] byCode)
    {
        var result = new SimilarityCalibration[byCode.Length];
        for (var c = 0; c < byCode.Length; c++)
        {
            var own = byCode[c];
            var positives = new List<double>();
            for (var p = 0; p < own.Length; p++)
            {
                var rest = own.Where((_, q) => q != p).ToArray();
                if (rest.Length > 0) positives.Add(rest.Max(r => (double)Vectors.Dot(own[p].Vector, r.Vector)));
            }
            var negatives = byCode.Where((_, d) => d != c)
                .SelectMany(other => other)
                .Select(o => own.Max(x => (double)Vectors.Dot(o.Vector, x.Vector)))
                .ToList();
            result[c] = SimilarityCalibration.Fit(positives, negatives);
        }
        return result;
    }
}
