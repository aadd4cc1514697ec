using System.Globalization;

namespace Workflow.Domain.Verification;

/// <summary>
/// Reading order of a recording's items, for coders who prefer to go through a transcript from the
/// start rather than most doubtful first: by turn, then a turn's redaction and transcript checks (by where they
/// start) before its proposed codes (by segment, then code). Pure.
/// </summary>
public static class TranscriptOrder
{
    /// <summary>The item's place in reading order; items whose place cannot be told sort last.</summary>
    public static (int Turn, int Rank, int Offset, string Tie) Key(VerificationItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Redaction is { } r) return (r.UtteranceIndex, 0, r.Start, item.Id);
        if (item.Passage is { } p) return (p.UtteranceIndex, 0, p.Start, item.Id);
        if (item.Suggestion is { } s && TrySegmentPlace(s.SegmentId, out var turn, out var part))
            return (turn, 1, part, s.CodeId + "|" + item.Id);
        return (int.MaxValue, 2, 0, item.Id);
    }

    /// <summary>Segment ids are "{turn}.{part}" (see <c>Segmenter</c>).</summary>
    private static bool TrySegmentPlace(string segmentId, out int turn, out int part)
    {
        part = 0;
        var dot = segmentId.IndexOf('.');
        var head = dot < 0 ? segmentId : segmentId[..dot];
        return int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out turn)
            && (dot < 0 || int.TryParse(segmentId[(dot + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out part));
    }

    /// <summary>Orders items from several recordings: the recording queued first, then reading order within it.</summary>
    public static IEnumerable<VerificationItem> Sort(IEnumerable<VerificationItem> items)
    {
        var list = items.ToList();
        var firstQueued = list.GroupBy(i => i.RecordingId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(i => i.CreatedAt), StringComparer.Ordinal);
        return list
            .OrderBy(i => firstQueued[i.RecordingId])
            .ThenBy(i => i.RecordingId, StringComparer.Ordinal)
            .ThenBy(Key);
    }
}
