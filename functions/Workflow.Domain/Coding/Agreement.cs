namespace Workflow.Domain.Coding;

/// <summary>
/// Inter-rater agreement for multi-label coding treated as one binary decision per (unit, code):
/// applied or not. Pure, so it serves both the evaluation tests and a coder-versus-engine report.
/// </summary>
public static class Agreement
{
    /// <summary>
    /// <see cref="Compare"/> over <paramref name="codebookCodes"/> (so a code nobody used still shows, as
    /// agreed absences) and every code either rater used, even one an earlier codebook version had,
    /// rather than silently dropping it.
    /// </summary>
    public static AgreementReport CompareWithUsedCodes(IReadOnlyList<AgreementUnit> units, IEnumerable<string> codebookCodes) =>
        Compare(units, codebookCodes.Concat(units.SelectMany(u => u.Reference.Concat(u.Predicted))).Distinct(StringComparer.Ordinal));

    /// <summary>
    /// Compares the raters over <paramref name="units"/> for each code in <paramref name="codes"/> (the
    /// codebook's applicable codes, so codes neither rater used still count as agreed absences).
    /// Codes a rater applied that are not in <paramref name="codes"/> are ignored.
    /// </summary>
    public static AgreementReport Compare(IEnumerable<AgreementUnit> units, IEnumerable<string> codes)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(codes);

        var list = units.ToList();
        var perCode = new SortedDictionary<string, AgreementCounts>(StringComparer.Ordinal);
        foreach (var code in codes.Distinct(StringComparer.Ordinal))
            perCode[code] = list.Aggregate(AgreementCounts.Zero,
                (counts, u) => counts.Add(u.Reference.Contains(code), u.Predicted.Contains(code)));
        return new AgreementReport(list.Count, perCode);
    }
}
