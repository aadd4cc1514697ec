using System.Globalization;
using System.Text;
using Workflow.Domain.Coding;

namespace Workflow.CodingEval;

/// <summary>An engine's suggestions on a set, scored against the expert per code with the domain's agreement tables.</summary>
internal sealed record EngineRun(string Engine, CodingSet Set, AgreementReport Report, double Seconds, int Units)
{
    public static EngineRun Score(string engine, CodingSet set, IReadOnlyList<CodeSuggestion> suggestions, double seconds)
    {
        var predicted = suggestions.ToLookup(s => s.SegmentId, s => s.CodeId);
        var units = set.Units.Select(s => new AgreementUnit(s.Id, set.Expert[s.Id], predicted[s.Id].ToHashSet(StringComparer.Ordinal))).ToList();
        return new EngineRun(engine, set, Agreement.Compare(units, set.ScoredCodes), seconds, units.Count);
    }

    /// <summary>Mean kappa over the codes the expert applied at least <paramref name="positives"/> times (the issue's NHS target is stated for 50).</summary>
    public double? MeanKappaWithPositives(int positives)
    {
        var values = Report.PerCode.Values.Where(c => c.ReferencePositives >= positives && c.Kappa.HasValue).Select(c => c.Kappa!.Value).ToList();
        return values.Count == 0 ? null : values.Average();
    }
}

/// <summary>Markdown tables of engine runs.</summary>
internal static class Tables
{
    public static string Summary(IReadOnlyList<EngineRun> runs)
    {
        var sb = new StringBuilder();
        sb.AppendLine("| set | engine | units | micro P | micro R | micro F1 | macro F1 | mean kappa | mean AC1 | mean kappa (codes with >= 50 positives) | segments/s |");
        sb.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in runs)
            sb.AppendLine($"| {r.Set.Name} | {r.Engine} | {r.Units} | {F(r.Report.Micro.Precision)} | {F(r.Report.Micro.Recall)} | {F(r.Report.MicroF1)} | {F(r.Report.MacroF1)} | " +
                          $"{F(r.Report.MeanKappa)} | {F(r.Report.MeanAc1)} | {F(r.MeanKappaWithPositives(50))} | {(r.Units / Math.Max(r.Seconds, 1e-6)).ToString("F0", CultureInfo.InvariantCulture)} |");
        return sb.ToString();
    }

    public static string PerCode(EngineRun run)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"#### {run.Set.Name}, {run.Engine}: per code");
        sb.AppendLine();
        sb.AppendLine("| code | positives | TP | FP | FN | P | R | F1 | kappa | AC1 |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var (code, c) in run.Report.PerCode.OrderByDescending(p => p.Value.ReferencePositives).ThenBy(p => p.Key, StringComparer.Ordinal))
            sb.AppendLine($"| {code} | {c.ReferencePositives} | {c.TruePositives} | {c.FalsePositives} | {c.FalseNegatives} | {F(c.Precision)} | {F(c.Recall)} | {F(c.F1)} | {F(c.Kappa)} | {F(c.Ac1)} |");
        return sb.ToString();
    }

    public static string F(double? value) => value?.ToString("F3", CultureInfo.InvariantCulture) ?? "n/a";
}
