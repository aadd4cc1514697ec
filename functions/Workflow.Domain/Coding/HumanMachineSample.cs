using Workflow.Domain.Verification;

namespace Workflow.Domain.Coding;

/// <summary>
/// Coders against the coding engine, from the verification queue: one unit per segment whose code
/// suggestions have all been decided, with the codes the coders kept or chose (<see cref="AgreementUnit.Reference"/>)
/// and the codes the engine proposed (<see cref="AgreementUnit.Predicted"/>). Only segments the engine
/// proposed something for are ever shown to a coder, so only those count: segments with no
/// suggestion were never judged by a person, and counting them as agreed absences would inflate
/// every figure. The result therefore measures how far coders endorse the engine's proposals (and
/// what they add in those segments), not independent double coding.
/// </summary>
public sealed record HumanMachineSample(IReadOnlyList<AgreementUnit> Units, int SegmentsAwaitingDecisions)
{
    /// <summary>What the figures measure, in words for the people reading them.</summary>
    public const string Basis =
        "Coders' final codes against the engine's suggestions, over segments the engine proposed codes for and whose " +
        "suggestions are all decided (accepted, rejected or edited). Segments without suggestions were never shown to a " +
        "coder and are not counted, so this measures how far coders endorse the engine's proposals, not independent coding.";

    /// <summary>
    /// Per-code agreement over the sample for <paramref name="codebookCodes"/> (so a code nobody used
    /// still shows, as agreed absences) and every code a coder or the engine used, even one an earlier
    /// codebook version had, rather than silently dropping it.
    /// </summary>
    public AgreementReport Compare(IEnumerable<string> codebookCodes) =>
        Agreement.CompareWithUsedCodes(Units, codebookCodes);

    /// <summary>Builds the sample from every item of a study's recordings (pending, decided and superseded alike).</summary>
    public static HumanMachineSample From(IEnumerable<VerificationItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var units = new List<AgreementUnit>();
        var waiting = 0;
        var bySegment = items
            .Where(i => i is { Kind: VerificationItemKind.CodeSuggestion, Suggestion: not null } && i.Status != VerificationItemStatus.Superseded)
            .GroupBy(i => (i.RecordingId, i.Suggestion!.SegmentId));
        foreach (var segment in bySegment.OrderBy(g => g.Key.RecordingId, StringComparer.Ordinal).ThenBy(g => g.Key.SegmentId, StringComparer.Ordinal))
        {
            // A re-coded segment keeps its decided items from the earlier codebook: judge the latest pass only.
            var latest = segment.Max(i => i.Suggestion!.CodebookVersion);
            var pass = segment.Where(i => i.Suggestion!.CodebookVersion == latest).ToList();
            if (pass.Any(i => i.Status != VerificationItemStatus.Decided || i.Decision is null))
            {
                waiting++;
                continue;
            }
            var machine = pass.Select(i => i.Suggestion!.CodeId).ToHashSet(StringComparer.Ordinal);
            var human = pass.SelectMany(i => i.Decision!.Action switch
            {
                DecisionAction.Accept => [i.Suggestion!.CodeId],
                DecisionAction.Edit => i.Decision.CodeIds ?? [],
                _ => (IEnumerable<string>)[],
            }).ToHashSet(StringComparer.Ordinal);
            units.Add(new AgreementUnit($"{segment.Key.RecordingId}/{segment.Key.SegmentId}", human, machine));
        }
        return new HumanMachineSample(units, waiting);
    }
}
