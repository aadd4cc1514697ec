using System.Text.RegularExpressions;

namespace Workflow.Domain.Audit;

/// <summary>
/// The shape an audit event's details and ids must have. The trail is kept for years and read by
/// people who must not learn identities from it, so details are meant for ids, versions, counts and
/// enum names: values have no spaces and at most 128 characters, which keeps sentences, notes and
/// file names ("darren interview.wav") out by construction. A single word could still be a name, so
/// callers must pass only values they produced themselves (ids, numbers), never user input.
/// </summary>
public static partial class AuditDetails
{
    /// <summary>At most this many details per event.</summary>
    public const int MaxEntries = 12;

    /// <summary>The problems with an entry's shape (empty when it may be recorded).</summary>
    public static IReadOnlyList<string> Check(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var errors = new List<string>();
        // The actor is a member of staff as the sign-in names them (which may be "Jane Smith"): any
        // text, but one line of it.
        if (string.IsNullOrWhiteSpace(entry.Actor) || entry.Actor.Length > 256 || entry.Actor.Any(char.IsControl))
            errors.Add("actor must be 1-256 characters on one line.");
        if (!Token().IsMatch(entry.TargetId)) errors.Add("targetId must be 1-128 characters without spaces.");
        if (!Enum.IsDefined(entry.Action)) errors.Add($"action {(int)entry.Action} is not defined.");
        if (entry.Details.Count > MaxEntries) errors.Add($"At most {MaxEntries} details.");
        foreach (var (key, value) in entry.Details)
        {
            if (!Key().IsMatch(key)) errors.Add($"detail key '{key}' must be a camelCase word of at most 32 characters.");
            else if (!Token().IsMatch(value)) errors.Add($"detail '{key}' must be 1-128 characters without spaces.");
        }
        return errors;
    }

    [GeneratedRegex("^[a-z][A-Za-z0-9]{0,31}$")]
    private static partial Regex Key();

    // Letters, digits and the separators ids use; no whitespace, quotes or slashes.
    [GeneratedRegex("^[A-Za-z0-9._:~|@+-]{1,128}$")]
    private static partial Regex Token();
}
