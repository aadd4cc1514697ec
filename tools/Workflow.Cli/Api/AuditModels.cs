namespace Workflow.Cli.Api;

// The audit routes' JSON as the command line reads it (GET .../audit and .../audit/verify).

/// <summary>The chain's verdict: intact or where it breaks, and the last good head (sequence and hash).</summary>
internal sealed record AuditChainResult(bool Intact, long EventsChecked, long? BrokenAt, string? Problem, long HeadSequence, string HeadHash);

internal sealed record AuditVerifyResult(string StudyId, AuditChainResult Chain, long? AnchorSequence);

internal sealed record AuditEventView(long Sequence, DateTimeOffset At, string Actor, string Action, string TargetId, IReadOnlyDictionary<string, string>? Details);

internal sealed record AuditPage(string StudyId, IReadOnlyList<AuditEventView> Events, string? Next, AuditChainResult Chain);

/// <summary>A point of the chain written down earlier (<c>SEQ:HASH</c>), to check the chain still passes through it.</summary>
internal sealed record AuditAnchor(long Sequence, string Hash)
{
    public override string ToString() => $"{Sequence}:{Hash}";

    /// <summary>Parses <c>SEQ:HASH</c> as the verify route takes it: a sequence of at least 1 and 64 hex digits.</summary>
    public static AuditAnchor Parse(string text)
    {
        var colon = text.IndexOf(':');
        if (colon > 0
            && long.TryParse(text.AsSpan(0, colon), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var sequence) && sequence >= 1
            && text[(colon + 1)..].ToLowerInvariant() is { Length: 64 } hash && hash.All(char.IsAsciiHexDigit))
            return new AuditAnchor(sequence, hash);
        throw new UsageException("--since-head must be SEQ:HASH, a head printed by an earlier `audit verify` (e.g. 12:3f5c...; 64 hex digits).");
    }
}
