using System.Security.Cryptography;
using System.Text;

namespace Workflow.Domain.Verification;

/// <summary>
/// Independent double coding: a share of segments is drawn, and each code proposal in a drawn segment
/// gets a second item that another coder judges without seeing the first decision. The draw is a hash
/// of recording and segment, so building the items again draws the same segments (queuing stays
/// idempotent), and every proposal of a drawn segment is doubled, so agreement can be measured per
/// segment. Pure.
/// </summary>
public static class DoubleCoding
{
    /// <summary>Suffix of a second coding's id after the id of the proposal it doubles.</summary>
    public const string SecondSuffix = "-second";

    /// <summary>True when the segment falls in the double-coded <paramref name="share"/> (0 none, 1 all).</summary>
    public static bool IsDrawn(string recordingId, string segmentId, double share)
    {
        if (share <= 0) return false;
        if (share >= 1) return true;
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{recordingId}\n{segmentId}"), digest);
        // The first 8 bytes as a fraction in [0, 1): uniform, whatever the ids look like.
        var draw = BitConverter.ToUInt64(digest[..8]) / (ulong.MaxValue + 1.0);
        return draw < share;
    }

    /// <summary>
    /// The items with every proposal of a drawn segment doubled: the proposal and its second coding
    /// name each other in <see cref="VerificationItem.PairedWith"/>. Other items pass through unchanged.
    /// </summary>
    public static IEnumerable<VerificationItem> Apply(IEnumerable<VerificationItem> items, double share)
    {
        ArgumentNullException.ThrowIfNull(items);
        foreach (var item in items)
        {
            if (item is not { Kind: VerificationItemKind.CodeSuggestion, Suggestion: { } s } || !IsDrawn(item.RecordingId, s.SegmentId, share))
            {
                yield return item;
                continue;
            }
            var secondId = item.Id + SecondSuffix;
            yield return item with { PairedWith = secondId };
            yield return item with { Id = secondId, Kind = VerificationItemKind.SecondCoding, PairedWith = item.Id };
        }
    }

    /// <summary>The codes a decision on a proposal applies: the proposed code, the edited ones, or none.</summary>
    public static IReadOnlySet<string> CodesApplied(VerificationDecision decision, string proposedCode) => decision.Action switch
    {
        DecisionAction.Accept => new HashSet<string>(StringComparer.Ordinal) { proposedCode },
        DecisionAction.Edit => (decision.CodeIds ?? []).ToHashSet(StringComparer.Ordinal),
        _ => new HashSet<string>(StringComparer.Ordinal),
    };
}
