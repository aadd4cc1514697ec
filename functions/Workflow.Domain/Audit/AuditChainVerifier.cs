namespace Workflow.Domain.Audit;

/// <summary>
/// Walks a study's events in stored order and stops at the first broken link. Streams: events are
/// fed one by one (<see cref="Accept"/>), so a long trail is checked without holding it in memory.
/// A link is broken when an event belongs to another study, its sequence number is not the next one
/// (an event removed, inserted or moved), its previous hash is not the hash of the event before it,
/// or its own hash does not match its contents (an event edited). At the end (<see cref="Finish"/>)
/// the chain must end where its recorded head says (events cut off the end) and pass through the
/// anchor, if one is given (a chain recomputed after an edit no longer holds the anchor's hash).
/// </summary>
public sealed class AuditChainVerifier(string studyId, AuditHead? anchor = null)
{
    private AuditHead _last = AuditHead.Empty;
    private long _checked;
    private (long At, string Problem)? _broken;
    private bool _anchorSeen = anchor is null || anchor.Sequence == 0;

    /// <summary>The last event accepted so far (<see cref="AuditHead.Empty"/> before the first).</summary>
    public AuditHead Last => _last;

    /// <summary>Checks the next event; false once the chain is broken (later events are not checked).</summary>
    public bool Accept(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (_broken is not null) return false;
        var expected = _last.Sequence + 1;
        var problem =
            e.StudyId != studyId ? $"event {e.Sequence} belongs to study '{e.StudyId}'." :
            e.Sequence != expected ? $"expected event {expected}, found event {e.Sequence}: events were removed, inserted or reordered." :
            e.PreviousHash != _last.Hash ? $"event {e.Sequence} does not follow event {_last.Sequence} (its previous hash differs)." :
            AuditChain.HashOf(e) != e.Hash ? $"event {e.Sequence} was changed after it was recorded (its hash does not match its contents)." :
            anchor is not null && e.Sequence == anchor.Sequence && e.Hash != anchor.Hash ? $"event {e.Sequence} is not the event the anchor recorded (the chain was rewritten)." :
            null;
        if (problem is not null)
        {
            _broken = (expected, problem);
            return false;
        }
        _checked++;
        _last = new AuditHead(e.Sequence, e.Hash);
        if (anchor is not null && e.Sequence == anchor.Sequence) _anchorSeen = true;
        return true;
    }

    /// <summary>The verdict, given the head the store records (null: not checked).</summary>
    public AuditVerification Finish(AuditHead? recordedHead)
    {
        if (_broken is { } broken) return new AuditVerification(false, _checked, broken.At, broken.Problem, _last);
        if (recordedHead is not null && recordedHead != _last)
            return new AuditVerification(false, _checked, _last.Sequence + 1,
                recordedHead.Sequence > _last.Sequence
                    ? $"the trail records {recordedHead.Sequence} events but only {_last.Sequence} are present: events were removed from the end."
                    : $"the trail's recorded head (event {recordedHead.Sequence}) is not its last event ({_last.Sequence}).", _last);
        if (!_anchorSeen)
            return new AuditVerification(false, _checked, _last.Sequence + 1,
                $"the chain ends at event {_last.Sequence}, before the anchor's event {anchor!.Sequence}.", _last);
        return new AuditVerification(true, _checked, null, null, _last);
    }

    /// <summary>Verifies a whole chain held in memory.</summary>
    public static AuditVerification Verify(string studyId, IEnumerable<AuditEvent> events, AuditHead? recordedHead = null, AuditHead? anchor = null)
    {
        var verifier = new AuditChainVerifier(studyId, anchor);
        foreach (var e in events)
            if (!verifier.Accept(e)) break;
        return verifier.Finish(recordedHead);
    }
}
