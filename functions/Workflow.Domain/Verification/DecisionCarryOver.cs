namespace Workflow.Domain.Verification;

/// <summary>
/// Keeps human decisions through a re-run. A re-run builds fresh items for what it found; each is
/// matched against the items the recording already has:
/// <list type="bullet">
/// <item>an existing item with the same id and the same basis (text, words hidden) stays as it is,
/// decided or pending;</item>
/// <item>a code proposal whose segment text is unchanged and whose code has not changed since an
/// earlier decision on the same segment and code inherits that decision (marked as carried);</item>
/// <item>a code a coder applied (accepted, or chose in an edit) that the engine no longer proposes is
/// kept too, under the new codebook version, when segment and code are unchanged; otherwise it is
/// queued for a coder to look at again;</item>
/// <item>anything whose basis changed is queued again, saying what changed, and the earlier decision
/// is retired (kept in its row as history, no longer applied or counted);</item>
/// <item>pending items of the re-run kinds that the re-run no longer proposes are retired, and with a
/// retired proposal its pending second coding and reconciliation.</item>
/// </list>
/// Pure: the queue applies the plan.
/// </summary>
public static class DecisionCarryOver
{
    /// <summary>
    /// Separates an item id from its revision number. Revisions are numbered rather than named after
    /// their text: an id travels in URLs, and a digest of a name could be reversed with a name list.
    /// </summary>
    private const string RevisionMark = "-v";

    /// <param name="existing">Every item of the recording, in any status.</param>
    /// <param name="fresh">The pending items the re-run built (of <paramref name="kinds"/> only).</param>
    /// <param name="kinds">The kinds the re-run replaces; items of other kinds are left alone.</param>
    /// <param name="changedSince">Codes changed from a given codebook version to the one the fresh items use.</param>
    /// <param name="coding">The re-run's coding, when it re-coded; null to leave code decisions alone.</param>
    public static ReconcilePlan Plan(
        IReadOnlyList<VerificationItem> existing,
        IReadOnlyList<VerificationItem> fresh,
        IReadOnlySet<VerificationItemKind> kinds,
        Func<int, IReadOnlySet<string>> changedSince,
        CodingBasis? coding = null)
    {
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(fresh);
        var decided = existing.Where(i => i.Status == VerificationItemStatus.Decided && kinds.Contains(i.Kind)).ToList();
        var toAdd = new List<VerificationItem>();
        var retire = new HashSet<string>(StringComparer.Ordinal);
        var kept = new HashSet<string>(StringComparer.Ordinal);
        var proposed = new HashSet<(string Segment, string Code)>();

        foreach (var item in fresh.Where(i => kinds.Contains(i.Kind)))
        {
            if (item.Suggestion is { } s) proposed.Add((s.SegmentId, s.CodeId));
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
            toAdd.Add(item.Kind switch
            {
                VerificationItemKind.CodeSuggestion => CarryCodeDecision(item, Earlier(decided, item.Suggestion!.SegmentId, item.Suggestion.CodeId, item.Suggestion.CodebookVersion), changedSince, retire),
                VerificationItemKind.Redaction => MarkRedactionBasis(item, decided, retire),
                _ => item,
            });
        }

        if (coding is not null && kinds.Contains(VerificationItemKind.CodeSuggestion))
            KeepAppliedCodes(decided, proposed, coding, changedSince, toAdd, retire, existing);

        // Pending items the re-run no longer proposes have lost their basis.
        foreach (var item in existing.Where(i => i.Status == VerificationItemStatus.Pending && kinds.Contains(i.Kind) && !kept.Contains(i.Id)))
            retire.Add(item.Id);
        if (kinds.Contains(VerificationItemKind.CodeSuggestion)) RetireCompanionsOf(existing, retire);
        return new ReconcilePlan(toAdd, retire.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// A pending second coding or reconciliation lost its basis with the proposal it belongs to. Decided
    /// ones stay as they are: they are the record of what the two coders did.
    /// </summary>
    private static void RetireCompanionsOf(IReadOnlyList<VerificationItem> existing, HashSet<string> retire)
    {
        foreach (var item in existing.Where(i => i is { Status: VerificationItemStatus.Pending, Kind: VerificationItemKind.SecondCoding or VerificationItemKind.Reconciliation }))
            if ((item.PairedWith ?? item.Reconciles?.FirstItemId) is { } proposal && retire.Contains(proposal))
                retire.Add(item.Id);
    }

    /// <summary>Codes coders applied that the engine did not propose this time: a human decision outlives the engine's.</summary>
    private static void KeepAppliedCodes(List<VerificationItem> decided, HashSet<(string, string)> proposed, CodingBasis coding,
        Func<int, IReadOnlySet<string>> changedSince, List<VerificationItem> toAdd, HashSet<string> retire, IReadOnlyList<VerificationItem> existing)
    {
        // Decided redactions are in the list too when a re-run replaces both kinds: only codes apply here.
        var older = decided.Where(d => d.Suggestion is { } s && s.CodebookVersion < coding.CodebookVersion && !retire.Contains(d.Id))
            .GroupBy(d => (d.Suggestion!.SegmentId, d.Suggestion.CodeId))
            .Where(g => !proposed.Contains(g.Key));
        foreach (var group in older)
        {
            var earlier = group.OrderByDescending(d => d.Suggestion!.CodebookVersion).First();
            retire.UnionWith(group.Select(d => d.Id));
            if (earlier.Decision!.Action is not (DecisionAction.Accept or DecisionAction.Edit)) continue;
            if (!coding.SegmentTexts.TryGetValue(group.Key.SegmentId, out var text)) continue; // the segment is gone

            var id = coding.ItemId($"c{coding.CodebookVersion}-{group.Key.SegmentId}-{group.Key.CodeId}");
            if (existing.Any(i => i.Id == id)) continue; // carried by an earlier run of this plan
            var item = earlier with
            {
                Id = id,
                Context = text,
                Suggestion = earlier.Suggestion! with { CodebookVersion = coding.CodebookVersion },
                Status = VerificationItemStatus.Pending,
                Decision = null,
                ClaimedBy = null,
                LeaseExpiresAt = null,
                CreatedAt = coding.Now,
                Basis = null,
            };
            var carried = CarryCodeDecision(item, earlier, changedSince, retire);
            toAdd.Add(carried.Status == VerificationItemStatus.Decided
                ? carried with { Basis = $"applied by a coder under codebook version {earlier.Suggestion!.CodebookVersion}, kept though the engine no longer proposes it" }
                : carried);
        }
    }

    private static VerificationItem? Earlier(List<VerificationItem> decided, string segmentId, string codeId, int version) =>
        decided
            .Where(d => d.Suggestion is { } old && old.SegmentId == segmentId && old.CodeId == codeId && old.CodebookVersion < version)
            .OrderByDescending(d => d.Suggestion!.CodebookVersion)
            .FirstOrDefault();

    private static VerificationItem CarryCodeDecision(VerificationItem item, VerificationItem? earlier, Func<int, IReadOnlySet<string>> changedSince, HashSet<string> retire)
    {
        if (earlier is null) return item;
        // Either way the earlier decision no longer counts on its own: it is carried, or asked again.
        retire.Add(earlier.Id);
        var version = earlier.Suggestion!.CodebookVersion;
        if (earlier.Context != item.Context)
            return item with { Basis = "the segment's text changed since it was decided" };
        var changed = changedSince(version);
        var involved = (earlier.Decision!.CodeIds ?? []).Append(item.Suggestion!.CodeId);
        if (involved.Any(changed.Contains))
            return item with { Basis = $"the code changed since codebook version {version}, when it was decided" };
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

    private static string BasisChanged(VerificationItem item) => item.Kind switch
    {
        VerificationItemKind.Redaction => "the words at this place changed since it was decided",
        VerificationItemKind.TranscriptCheck => "the passage's text changed since it was checked",
        _ => "the segment's text changed since it was decided",
    };

    private static bool Overlaps(string? a, string? b) =>
        !string.IsNullOrEmpty(a) && !string.IsNullOrEmpty(b)
        && (a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase));

    /// <summary>The item with <paramref name="id"/> and its later revisions, oldest first.</summary>
    private static List<VerificationItem> Family(IReadOnlyList<VerificationItem> existing, string id)
    {
        var family = existing.Where(i => i.Id == id).ToList();
        for (var n = 2; existing.FirstOrDefault(i => i.Id == $"{id}{RevisionMark}{n}") is { } next; n++)
            family.Add(next);
        return family;
    }
}
