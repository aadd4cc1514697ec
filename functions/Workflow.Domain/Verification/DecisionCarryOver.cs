namespace Workflow.Domain.Verification;

/// <summary>
/// Keeps human decisions through a re-run. A re-run builds fresh items for what it found; each is
/// matched against the items the recording already has:
/// <list type="bullet">
/// <item>an existing item with the same id and the same basis (text, words hidden) stays as it is,
/// decided or pending;</item>
/// <item>a code proposal whose segment text is unchanged and whose code has not changed since an
/// earlier decision on the same segment and code inherits that decision (marked as carried);</item>
/// <item>anything whose basis changed is queued again, saying what changed, and the earlier decision
/// is retired (kept in its row, no longer applied);</item>
/// <item>pending items of the re-run kinds that the re-run no longer proposes are retired.</item>
/// </list>
/// Pure: the queue applies the plan.
/// </summary>
public static class DecisionCarryOver
{
    /// <param name="existing">Every item of the recording, in any status.</param>
    /// <param name="fresh">The pending items the re-run built (of <paramref name="kinds"/> only).</param>
    /// <param name="kinds">The kinds the re-run replaces; items of other kinds are left alone.</param>
    /// <param name="changedSince">Codes changed from a given codebook version to the one the fresh items use.</param>
    public static ReconcilePlan Plan(
        IReadOnlyList<VerificationItem> existing,
        IReadOnlyList<VerificationItem> fresh,
        IReadOnlySet<VerificationItemKind> kinds,
        Func<int, IReadOnlySet<string>> changedSince)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(fresh);
        var decided = existing.Where(i => i.Status == VerificationItemStatus.Decided && kinds.Contains(i.Kind)).ToList();
        var toAdd = new List<VerificationItem>();
        var retire = new HashSet<string>(StringComparer.Ordinal);
        var kept = new HashSet<string>(StringComparer.Ordinal);

        foreach (var item in fresh.Where(i => kinds.Contains(i.Kind)))
        {
            var family = Family(existing, item.Id);
            // Earlier revisions never apply beside a later one (a re-run after a crash may find both live).
            retire.UnionWith(family.SkipLast(1).Where(i => i.Status != VerificationItemStatus.Superseded).Select(i => i.Id));
            if (family.Count > 0 && family[^1] is var same && same.Status != VerificationItemStatus.Superseded)
            {
                if (SameBasis(same, item)) { kept.Add(same.Id); continue; }
                // Same place, different words: a new revision beside the old, whose decision is retired.
                retire.Add(same.Id);
                toAdd.Add(item with { Id = $"{item.Id}{RevisionMark}{family.Count + 1}", Basis = BasisChanged(item) });
                continue;
            }
            if (family.Count > 1)
            {
                // Every revision was retired: the next one is queued afresh under a new revision number.
                toAdd.Add(item with { Id = $"{item.Id}{RevisionMark}{family.Count + 1}" });
                continue;
            }
            toAdd.Add(item.Kind == VerificationItemKind.CodeSuggestion
                ? CarryCodeDecision(item, decided, changedSince, retire)
                : MarkRedactionBasis(item, decided, retire));
        }

        // Pending items the re-run no longer proposes have lost their basis.
        foreach (var item in existing.Where(i => i.Status == VerificationItemStatus.Pending && kinds.Contains(i.Kind) && !kept.Contains(i.Id)))
            retire.Add(item.Id);
        return new ReconcilePlan(toAdd, retire.Order(StringComparer.Ordinal).ToList());
    }

    private static VerificationItem CarryCodeDecision(VerificationItem item, List<VerificationItem> decided, Func<int, IReadOnlySet<string>> changedSince, HashSet<string> retire)
    {
        var s = item.Suggestion!;
        var earlier = decided
            .Where(d => d.Suggestion is { } old && old.SegmentId == s.SegmentId && old.CodeId == s.CodeId && old.CodebookVersion < s.CodebookVersion)
            .OrderByDescending(d => d.Suggestion!.CodebookVersion)
            .FirstOrDefault();
        if (earlier is null) return item;

        var version = earlier.Suggestion!.CodebookVersion;
        if (earlier.Context != item.Context)
        {
            retire.Add(earlier.Id);
            return item with { Basis = "the segment's text changed since it was decided" };
        }
        var changed = changedSince(version);
        var involved = (earlier.Decision!.CodeIds ?? []).Append(s.CodeId);
        if (involved.Any(changed.Contains))
        {
            retire.Add(earlier.Id);
            return item with { Basis = $"the code changed since codebook version {version}, when it was decided" };
        }
        // The earlier item stays decided under its own codebook version, which finalising ignores.
        return item with
        {
            Status = VerificationItemStatus.Decided,
            Decision = earlier.Decision,
            Basis = $"decision carried over from codebook version {version}: segment and code unchanged",
        };
    }

    private static VerificationItem MarkRedactionBasis(VerificationItem item, List<VerificationItem> decided, HashSet<string> retire)
    {
        var r = item.Redaction!;
        var overlapping = decided.Where(d => d.Redaction is { } old && old.UtteranceIndex == r.UtteranceIndex
            && Overlaps(d.OriginalText, item.OriginalText)).ToList();
        if (overlapping.Count == 0) return item;
        retire.UnionWith(overlapping.Select(d => d.Id));
        return item with { Basis = "it replaces a redaction decided earlier: the identifier list or the detectors changed" };
    }

    private static bool SameBasis(VerificationItem a, VerificationItem b) =>
        a.Kind == VerificationItemKind.Redaction
            ? a.OriginalText == b.OriginalText && a.Redaction?.Kind == b.Redaction?.Kind
            : a.Context == b.Context;

    private static string BasisChanged(VerificationItem item) => item.Kind == VerificationItemKind.Redaction
        ? "the words at this place changed since it was decided"
        : "the segment's text changed since it was decided";

    private static bool Overlaps(string? a, string? b) =>
        !string.IsNullOrEmpty(a) && !string.IsNullOrEmpty(b)
        && (a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Separates an item id from its revision number. Revisions are numbered rather than named after
    /// their text: an id travels in URLs, and a digest of a name could be reversed with a name list.
    /// </summary>
    private const string RevisionMark = "-v";

    /// <summary>The item with <paramref name="id"/> and its later revisions, oldest first.</summary>
    private static List<VerificationItem> Family(IReadOnlyList<VerificationItem> existing, string id)
    {
        var family = existing.Where(i => i.Id == id).ToList();
        for (var n = 2; existing.FirstOrDefault(i => i.Id == $"{id}{RevisionMark}{n}") is { } next; n++)
            family.Add(next);
        return family;
    }
}
