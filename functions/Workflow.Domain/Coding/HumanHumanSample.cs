using Workflow.Domain.Verification;

namespace Workflow.Domain.Coding;

/// <summary>
/// Coders against coders, from double coding: one unit per double-coded segment whose proposals have
/// all been decided by both coders, with the codes the first coder applied (<see cref="AgreementUnit.Reference"/>)
/// and those the second applied independently (<see cref="AgreementUnit.Predicted"/>). Each side's
/// original decision counts, not a later reconciliation, so settling a disagreement does not erase it.
/// The two sides are rater slots: the first and second coder of a segment may be different people on
/// different segments (never the same person on both sides of one proposal).
/// </summary>
public sealed record HumanHumanSample(IReadOnlyList<AgreementUnit> Units, int SegmentsAwaitingDecisions, int ReconciliationsPending)
{
    /// <summary>What the figures measure, in words for the people reading them.</summary>
    public const string Basis =
        "First coder against second coder, over segments drawn for double coding whose proposals both coders have decided " +
        "independently (neither saw the other's decision). Each side's own decision counts, not the lead's reconciliation.";

    /// <summary>Per-code agreement over the sample for <paramref name="codebookCodes"/> and every code either coder applied.</summary>
    public AgreementReport Compare(IEnumerable<string> codebookCodes) =>
        Agreement.CompareWithUsedCodes(Units, codebookCodes);

    /// <summary>Builds the sample from every item of a study's recordings (pending, decided and superseded alike).</summary>
    public static HumanHumanSample From(IEnumerable<VerificationItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var live = items.Where(i => i.Status != VerificationItemStatus.Superseded).ToList();
        var byId = live.ToDictionary(i => i.Id, StringComparer.Ordinal);
        var pending = live.Count(i => i is { Kind: VerificationItemKind.Reconciliation, Status: VerificationItemStatus.Pending });
        var units = new List<AgreementUnit>();
        var waiting = 0;
        var bySegment = live
            .Where(i => i is { Kind: VerificationItemKind.CodeSuggestion, PairedWith: not null, Suggestion: not null })
            .GroupBy(i => (i.RecordingId, i.Suggestion!.SegmentId, i.Suggestion.CodebookVersion));
        foreach (var segment in bySegment.OrderBy(g => g.Key.RecordingId, StringComparer.Ordinal).ThenBy(g => g.Key.SegmentId, StringComparer.Ordinal).ThenBy(g => g.Key.CodebookVersion))
        {
            var pairs = segment.Select(first => (First: first, Second: byId.GetValueOrDefault(first.PairedWith!))).ToList();
            if (pairs.Any(p => p.First.Status != VerificationItemStatus.Decided || p.Second is not { Status: VerificationItemStatus.Decided }))
            {
                waiting++;
                continue;
            }
            var first = pairs.SelectMany(p => DoubleCoding.CodesApplied(p.First.OriginalDecision!, p.First.Suggestion!.CodeId)).ToHashSet(StringComparer.Ordinal);
            var second = pairs.SelectMany(p => DoubleCoding.CodesApplied(p.Second!.OriginalDecision!, p.First.Suggestion!.CodeId)).ToHashSet(StringComparer.Ordinal);
            units.Add(new AgreementUnit($"{segment.Key.RecordingId}/{segment.Key.SegmentId}/v{segment.Key.CodebookVersion}", first, second));
        }
        return new HumanHumanSample(units, waiting, pending);
    }
}
