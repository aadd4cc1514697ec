using System.Globalization;
using System.Text;
using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Learning;
using Workflow.Engines.Semantic;

namespace Workflow.CodingEval;

/// <summary>
/// Choosing the learning coder's settings without looking at the curve's held-out comments
/// (--learning-dev): 4-fold cross-validation inside the curve's 2,000 training comments only (train
/// on three quarters, predict the fourth, pooled), one row per candidate setting. The held-out 1,693
/// are never read here.
/// </summary>
internal static class LearningDev
{
    private const int Folds = 4;

    public static string Run(CodingSet set, IReadOnlyDictionary<string, FeatureVector> features, IReadOnlyList<(string Name, ClassifierTraining Training)> candidates)
    {
        var training = LearningCurve.TrainingPart(set);
        var devSet = set with { Segments = training };
        var sb = new StringBuilder();
        sb.AppendLine($"Settings by {Folds}-fold cross-validation inside the first {training.Count} NHS comments (the held-out part unread):");
        sb.AppendLine();
        sb.AppendLine("| setting | micro F1 | macro F1 | mean kappa | mean kappa (codes with >= 50 positives) | codes | seconds |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var (name, options) in candidates)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var suggestions = new List<CodeSuggestion>();
            for (var f = 0; f < Folds; f++)
            {
                var fit = training.Where((_, i) => i % Folds != f).Select(u => new TrainingExample(features[u.Id], set.Expert[u.Id])).ToList();
                var classifiers = CodeClassifierTrainer.Train(fit, set.ScoredCodes, SegmentFeaturizer.Dimensions, options);
                suggestions.AddRange(training.Where((_, i) => i % Folds == f).SelectMany(u => classifiers.ByCode.Values.Where(c => c.Applies(features[u.Id]))
                    .Select(c => new CodeSuggestion(u.Id, c.CodeId, 1, new EvidenceSpan(0, 0, ""), "learned", set.Codebook.Version))));
            }
            var run = EngineRun.Score(name, devSet, suggestions, watch.Elapsed.TotalSeconds);
            var line = $"| {name} | {Tables.F(run.Report.MicroF1)} | {Tables.F(run.Report.MacroF1)} | {Tables.F(run.Report.MeanKappa)} | {Tables.F(run.MeanKappaWithPositives(50))} | " +
                       $"{run.Report.PerCode.Values.Count(c => c.ReferencePositives >= 50).ToString(CultureInfo.InvariantCulture)} | {watch.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} |";
            Console.Error.WriteLine(line);
            sb.AppendLine(line);
        }
        return sb.ToString();
    }
}
