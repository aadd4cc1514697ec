using System.Globalization;
using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Results;

namespace Workflow.Domain.Recordings;

/// <summary>
/// Names for a recording's diarized speakers ("Speaker 1" → "Interviewer", "Speaker 2" → "P1"), set
/// once per recording by its uploader or a lead. A name is a role or one of the recording's
/// pseudonymous participant ids, never free text: a typed name could be a participant's real one, and
/// the names go into the final transcript and its exports. Refusals never quote the refused text.
/// Pure.
/// </summary>
public static partial class SpeakerNames
{
    /// <summary>Roles a speaker may be named by (a number may follow: "Interviewer 2"), besides the respondent roles.</summary>
    public static readonly IReadOnlyList<string> TeamRoles = ["Interviewer", "Facilitator", "Moderator", "Interpreter", "Observer"];

    /// <summary>The most speakers one mapping names.</summary>
    public const int MaxSpeakers = 50;

    /// <summary>
    /// The mapping as it is stored (names in their canonical spelling), or the problems with it.
    /// <paramref name="speakers"/> are the speaker labels of the recording's de-identified transcript.
    /// </summary>
    public static (IReadOnlyDictionary<string, string>? Mapping, IReadOnlyList<string> Errors) Validate(
        IReadOnlyDictionary<string, string?> requested, IReadOnlyList<string> speakers, RecordingMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var errors = new List<string>();
        if (requested.Count > MaxSpeakers)
            return (null, [$"At most {MaxSpeakers} speakers can be named; {requested.Count} were given."]);
        var unknown = requested.Keys.Count(k => !speakers.Contains(k, StringComparer.Ordinal));
        if (unknown > 0)
            errors.Add($"{unknown} of the speakers named {(unknown == 1 ? "is" : "are")} not in this recording's transcript; its speakers are: {string.Join(", ", speakers)}.");

        var allowed = AllowedNames(metadata);
        var mapping = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (speaker, name) in requested.Where(p => speakers.Contains(p.Key, StringComparer.Ordinal)))
        {
            if (Canonical(name, allowed) is { } canonical) mapping[speaker] = canonical;
            else errors.Add($"The name given for '{speaker}' is neither a role ({string.Join(", ", allowed.Roles)}) nor a participant id of this recording ({string.Join(", ", allowed.Participants)}); free text is not accepted, since it could be someone's real name.");
        }
        return errors.Count > 0 ? (null, errors) : (mapping, []);
    }

    /// <summary>
    /// The final transcript with each turn's speaker named by the mapping. The diarized labels are read
    /// from <paramref name="labels"/> (the de-identified transcript, by turn), not from the final
    /// transcript, so applying a changed mapping to an already named transcript renames it correctly.
    /// </summary>
    public static FinalTranscript Apply(FinalTranscript final, DeidentifiedTranscript labels, IReadOnlyDictionary<string, string> mapping)
    {
        var byTurn = labels.Utterances.ToDictionary(u => u.Index, u => u.Speaker);
        string Name(int turn, string current) =>
            byTurn.TryGetValue(turn, out var label) ? mapping.GetValueOrDefault(label) ?? label : current;
        return final with
        {
            Utterances = [.. final.Utterances.Select(u => u with { Speaker = Name(u.Index, u.Speaker) })],
            Segments = [.. final.Segments.Select(s => s with { Speaker = Name(s.UtteranceIndex, s.Speaker) })],
        };
    }

    private sealed record Allowed(IReadOnlyList<string> Roles, IReadOnlyList<string> Participants);

    private static Allowed AllowedNames(RecordingMetadata metadata)
    {
        var roles = TeamRoles.Concat(Enum.GetNames<RespondentRole>()).ToList();
        var listed = metadata.Participants.Select(p => p.ParticipantId);
        // Positional ids (P1 for the first listed participant, ...) for uploads whose ids are longer.
        var positional = Enumerable.Range(1, metadata.Participants.Count).Select(n => "P" + n.ToString(CultureInfo.InvariantCulture));
        return new Allowed(roles, listed.Concat(positional).Distinct(StringComparer.OrdinalIgnoreCase).ToList());
    }

    private static string? Canonical(string? name, Allowed allowed)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 60) return null;
        var trimmed = name.Trim();
        if (allowed.Participants.FirstOrDefault(p => string.Equals(p, trimmed, StringComparison.OrdinalIgnoreCase)) is { } participant)
            return participant;
        var match = RoleWithNumber().Match(trimmed);
        if (!match.Success) return null;
        var key = Squash(match.Groups["role"].Value);
        var role = allowed.Roles.FirstOrDefault(r => Squash(r) == key);
        return role is null ? null : match.Groups["n"].Success ? $"{role} {match.Groups["n"].Value}" : role;
    }

    /// <summary>Case, spaces and hyphens aside: "service user", "Service-User" and "ServiceUser" are one role.</summary>
    private static string Squash(string role) =>
        new([.. role.Where(c => c is not (' ' or '-' or '_')).Select(char.ToLowerInvariant)]);

    [GeneratedRegex(@"^(?<role>[A-Za-z][A-Za-z _-]{0,30}?)(?:\s+(?<n>[1-9][0-9]?))?$", RegexOptions.CultureInvariant)]
    private static partial Regex RoleWithNumber();
}
