namespace Workflow.Domain.Deidentification;

/// <summary>
/// Merges the findings of several detectors into one non-overlapping set, for recall: every span any
/// detector found is covered. The rule for overlaps, per utterance and field:
/// <list type="number">
/// <item>the longest span wins (it hides the most; "Harbour Project" beats the alias "Harbour");</item>
/// <item>between equal spans, a study-list finding wins, then the higher confidence;</item>
/// <item>the winner takes the entity key of a study-list finding it covers, so one person found by a
/// title rule ("Dr Hussain") and through the list ("Hussain") keeps one pseudonym;</item>
/// <item>the winner's confidence is the highest confidence among findings of the same span, and its
/// <see cref="IdentifierFinding.Recognizer"/> names every detector that found a span inside it.</item>
/// </list>
/// </summary>
public static class FindingMerger
{
    /// <summary>Prefix of the recognizer names of study-list findings.</summary>
    public const string StudyListRecognizer = "study-list";

    public static IReadOnlyList<IdentifierFinding> Merge(IEnumerable<IdentifierFinding> findings)
    {
        var merged = new List<IdentifierFinding>();
        foreach (var group in findings.Where(f => f.Start < f.End).GroupBy(f => (f.UtteranceIndex, f.Field)))
            merged.AddRange(MergeOne(group.ToList()));
        return merged.OrderBy(f => f.UtteranceIndex).ThenBy(f => f.Field).ThenBy(f => f.Start).ToList();
    }

    private static IEnumerable<IdentifierFinding> MergeOne(List<IdentifierFinding> findings)
    {
        var ordered = findings
            .OrderByDescending(f => f.Length)
            .ThenByDescending(IsStudyList)
            .ThenByDescending(f => f.Confidence)
            .ThenBy(f => f.Start)
            .ToList();
        var winners = new List<IdentifierFinding>();
        foreach (var candidate in ordered)
            if (!winners.Any(w => Overlaps(w, candidate))) winners.Add(candidate);

        foreach (var winner in winners)
        {
            var covered = findings.Where(f => Overlaps(winner, f)).ToList();
            var listed = covered.Where(IsStudyList).OrderByDescending(f => f.Length).FirstOrDefault();
            var sameSpan = covered.Where(f => f.Start == winner.Start && f.End == winner.End);
            yield return winner with
            {
                EntityKey = listed is not null && listed.Kind == winner.Kind ? listed.EntityKey : winner.EntityKey,
                Confidence = sameSpan.Max(f => f.Confidence),
                Recognizer = string.Join('+', covered.Select(f => f.Recognizer).Distinct().Order(StringComparer.Ordinal)),
            };
        }
    }

    private static bool IsStudyList(IdentifierFinding f) => f.Recognizer.StartsWith(StudyListRecognizer, StringComparison.Ordinal);

    private static bool Overlaps(IdentifierFinding a, IdentifierFinding b) => a.Start < b.End && b.Start < a.End;
}
