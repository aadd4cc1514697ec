using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Workflow.Domain.Audit;

/// <summary>
/// Builds the hash chain: the next event after a head, and the hash of an event. Pure.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of a study's first event.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string FormatTag = "workflow-audit-event/v1";

    /// <summary>The event that follows <paramref name="head"/>; throws when the entry's shape is refused.</summary>
    public static AuditEvent Next(string studyId, AuditHead head, AuditEntry entry, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studyId);
        ArgumentNullException.ThrowIfNull(head);
        var errors = AuditDetails.Check(entry);
        if (errors.Count > 0) throw new ArgumentException("The audit entry cannot be recorded: " + string.Join(" ", errors), nameof(entry));
        var details = new SortedDictionary<string, string>(entry.Details.ToDictionary(), StringComparer.Ordinal);
        var unhashed = new AuditEvent(studyId, head.Sequence + 1, at.ToUniversalTime(), entry.Actor, entry.Action, entry.TargetId,
            details, head.Hash, "");
        return unhashed with { Hash = HashOf(unhashed) };
    }

    /// <summary>
    /// SHA-256 (lower-case hex) of the event's canonical form: a format tag, then every field but
    /// <see cref="AuditEvent.Hash"/> in a fixed order, each written as its UTF-8 byte length and its
    /// bytes, with details in ordinal key order and the time as UTC ticks. Lengths rather than
    /// separators mean no value can be crafted to read as two fields; ticks rather than text mean the
    /// hash does not depend on how a serializer formats times.
    /// </summary>
    public static string HashOf(AuditEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        using var buffer = new MemoryStream();
        Write(buffer, FormatTag);
        Write(buffer, e.StudyId);
        Write(buffer, e.Sequence.ToString(CultureInfo.InvariantCulture));
        Write(buffer, e.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Write(buffer, e.Actor);
        Write(buffer, e.Action.ToString());
        Write(buffer, e.TargetId);
        Write(buffer, e.Details.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in e.Details.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            Write(buffer, key);
            Write(buffer, value);
        }
        Write(buffer, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }

    private static void Write(Stream buffer, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, bytes.Length);
        buffer.Write(length);
        buffer.Write(bytes);
    }
}
