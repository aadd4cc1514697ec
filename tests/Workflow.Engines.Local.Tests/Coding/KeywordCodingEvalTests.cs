using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Engines.Local.Coding;
using Workflow.Tests.Shared;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Coding;

/// <summary>
/// Agreement of the keyword engine with the expert coder on the development interviews. The floor is
/// the figure measured when the defaults were chosen, less a margin for harmless changes; a drop below
/// it, or below what a trivial coder scores, means the engine got worse.
/// </summary>
public class KeywordCodingEvalTests(ITestOutputHelper output)
{
    // Measured with the default options on dev (60 units, 43 coded, 61 expert codes), engine version 2: micro-F1 0.565
    // (P 0.556, R 0.574), macro-F1 0.547, mean kappa 0.533 (version 1: 0.529, P 0.480, R 0.590). Baselines: "always inf_stigma" 0.106, "no codes" 0.
    private const double MeasuredMicroF1 = 0.565;
    private const double Margin = 0.05;

    [EvalFact]
    public async Task SuggestAsync_DevInterviews_AgreesWithTheExpertAboveTheFloorAndTheBaselines()
    {
        var codebook = LoadCodebook();
        var corpus = InterviewCodingCorpus.LoadDev();
        var codes = codebook.ApplicableCodes.Select(c => c.Id).ToArray();

        var engine = new KeywordCodingEngine(Options.Create(new KeywordCodingOptions()));
        var suggestions = await engine.SuggestAsync(corpus.Segments, codebook, CancellationToken.None);
        var report = Agreement.Compare(Units(corpus, suggestions.ToLookup(s => s.SegmentId, s => s.CodeId)), codes);

        var mostFrequent = corpus.Expert.Values.SelectMany(c => c).GroupBy(c => c).MaxBy(g => g.Count())!.Key;
        var alwaysMostFrequent = Agreement.Compare(
            Units(corpus, corpus.Segments.Where(s => s.Codable).ToLookup(s => s.Id, _ => mostFrequent)), codes);
        var noCodes = Agreement.Compare(Units(corpus, Array.Empty<string>().ToLookup(s => s, s => s)), codes);

        Report("keywords", report);
        Report($"always '{mostFrequent}'", alwaysMostFrequent);
        Report("no codes", noCodes);
        foreach (var (code, counts) in report.PerCode)
            output.WriteLine($"  {code,-22} TP {counts.TruePositives} FP {counts.FalsePositives} FN {counts.FalseNegatives} F1 {Format(counts.F1)} kappa {Format(counts.Kappa)}");

        var micro = report.MicroF1 ?? 0;
        Assert.True(micro >= MeasuredMicroF1 - Margin, $"micro-F1 {micro:F3} fell below the measured {MeasuredMicroF1:F3} - {Margin}.");
        Assert.True(micro > (alwaysMostFrequent.MicroF1 ?? 0), "The engine does no better than always proposing the most frequent code.");
        Assert.True(micro > (noCodes.MicroF1 ?? 0), "The engine does no better than proposing nothing.");
        Assert.All(suggestions, s => Assert.Equal(codebook.Version, s.CodebookVersion));
    }

    internal static Codebook LoadCodebook()
    {
        var draft = CodebookJsonReader.Parse(File.ReadAllText(EvalData.PathOf("interviews/codebook.json")));
        return CodebookValidator.ToCodebook(draft, "eval-ui", 1, DateTimeOffset.UnixEpoch);
    }

    internal static IEnumerable<AgreementUnit> Units(InterviewCodingCorpus corpus, ILookup<string, string> predicted) =>
        corpus.Segments.Select(s => new AgreementUnit(s.Id, corpus.Expert[s.Id], predicted[s.Id].ToHashSet(StringComparer.Ordinal)));

    private void Report(string label, AgreementReport report) =>
        output.WriteLine($"{label,-32} micro-F1 {Format(report.MicroF1)}  P {Format(report.Micro.Precision)}  R {Format(report.Micro.Recall)}  " +
                         $"macro-F1 {Format(report.MacroF1)}  mean kappa {Format(report.MeanKappa)}  mean AC1 {Format(report.MeanAc1)}  " +
                         $"(TP {report.Micro.TruePositives}, FP {report.Micro.FalsePositives}, FN {report.Micro.FalseNegatives})");

    private static string Format(double? value) => value?.ToString("F3", System.Globalization.CultureInfo.InvariantCulture) ?? "n/a";
}
