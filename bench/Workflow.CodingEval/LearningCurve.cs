using System.Globalization;
using System.Text;
using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Learning;
using Workflow.Engines.Semantic;

namespace Workflow.CodingEval;

/// <summary>
/// The learning coder's curve: per-code classifiers (<see cref="CodeClassifierTrainer"/>) trained on
/// the first N verified examples and scored on examples they never saw. NHS: the comments in a fixed
/// shuffled order, the last part held out for scoring, training on prefixes of the rest. Interviews:
/// leave one transcript out (train on the others, score it), pooled over transcripts.
/// </summary>
internal static class LearningCurve
{
    public static readonly int[] Sizes = [100, 500, 2000];
    private const int ShuffleSeed = 20261203;

    /// <summary>The NHS comments in the curve's fixed shuffled order.</summary>
    private static List<Segment> Shuffled(CodingSet set)
    {
        var units = set.Units.ToList();
        new Random(ShuffleSeed).Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(units));
        return units;
    }

    /// <summary>The comments the curve may train on (the first 2,000 of the shuffled order), never the held-out ones.</summary>
    public static IReadOnlyList<Segment> TrainingPart(CodingSet set) => Shuffled(set).Take(Sizes[^1]).ToList();

    public static IReadOnlyList<EngineRun> Nhs(CodingSet set, IReadOnlyDictionary<string, FeatureVector> features)
    {
        var units = Shuffled(set);
        var held = units.Skip(Sizes[^1]).ToList();
        var runs = new List<EngineRun>();
        foreach (var size in Sizes.Where(s => s < units.Count))
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var classifiers = Train(set, units.Take(size), features);
            Console.Error.WriteLine($"learned on {size} NHS comments: {classifiers.ByCode.Count} codes switched on, trained in {watch.Elapsed.TotalSeconds:F1} s");
            runs.Add(Score($"learned ({size})", set, held, classifiers, features, watch.Elapsed.TotalSeconds));
        }
        return runs;
    }

    public static EngineRun Interviews(CodingSet set, IReadOnlyDictionary<string, FeatureVector> features)
    {
        // Segment ids are "{transcript}-t{turn}".
        static string Transcript(Segment s) => s.Id[..s.Id.LastIndexOf("-t", StringComparison.Ordinal)];
        var units = set.Units.ToList();
        var suggestions = new List<CodeSuggestion>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var transcript in units.Select(Transcript).Distinct())
        {
            var classifiers = Train(set, units.Where(u => Transcript(u) != transcript), features);
            suggestions.AddRange(Predict(units.Where(u => Transcript(u) == transcript), classifiers, features, set.Codebook.Version));
        }
        return EngineRun.Score("learned (leave one transcript out)", set, suggestions, watch.Elapsed.TotalSeconds);
    }

    private static CodeClassifiers Train(CodingSet set, IEnumerable<Segment> training, IReadOnlyDictionary<string, FeatureVector> features) =>
        CodeClassifierTrainer.Train(training.Select(u => new TrainingExample(features[u.Id], set.Expert[u.Id])).ToList(), set.ScoredCodes, SegmentFeaturizer.Dimensions);

    private static EngineRun Score(string name, CodingSet set, IReadOnlyList<Segment> held, CodeClassifiers classifiers, IReadOnlyDictionary<string, FeatureVector> features, double seconds)
    {
        var heldSet = set with { Segments = held };
        return EngineRun.Score(name, heldSet, Predict(held, classifiers, features, set.Codebook.Version).ToList(), seconds);
    }

    private static IEnumerable<CodeSuggestion> Predict(IEnumerable<Segment> units, CodeClassifiers classifiers, IReadOnlyDictionary<string, FeatureVector> features, int version) =>
        units.SelectMany(u => classifiers.ByCode.Values.Where(c => c.Applies(features[u.Id]))
            .Select(c => new CodeSuggestion(u.Id, c.CodeId, 1, new EvidenceSpan(0, 0, ""), "learned", version)));

    public static string Table(IReadOnlyList<EngineRun> runs)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| set | training examples | scored units | micro F1 | macro F1 | mean kappa | mean AC1 | mean kappa (codes with >= 50 positives scored) | codes with >= 50 positives |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
            sb.AppendLine($"| {r.Set.Name} | {r.Engine} | {r.Units} | {Tables.F(r.Report.MicroF1)} | {Tables.F(r.Report.MacroF1)} | {Tables.F(r.Report.MeanKappa)} | " +
                          $"{Tables.F(r.Report.MeanAc1)} | {Tables.F(r.MeanKappaWithPositives(50))} | {r.Report.PerCode.Values.Count(c => c.ReferencePositives >= 50).ToString(CultureInfo.InvariantCulture)} |");
        return sb.ToString();
    }
}
