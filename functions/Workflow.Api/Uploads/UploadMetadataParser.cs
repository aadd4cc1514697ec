using System.Globalization;
using System.Text.RegularExpressions;
using Workflow.Domain.Recordings;
using Workflow.Domain.Studies;

namespace Workflow.Api.Uploads;

/// <summary>
/// Reads recording metadata from upload form fields and reports every problem at once, so an
/// interviewer can fix the form in one go. Fields:
/// <c>siteId</c>, <c>format</c> (interview | focus-group), <c>participants</c> ("P017:ServiceUser, P018:Worker"),
/// <c>interviewer</c>, <c>notes</c> (both free text, kept in the identifiable store only), <c>recordedOn</c> (yyyy-MM-dd), <c>consentRecording</c>, <c>consentTranscription</c>,
/// <c>consentQuotation</c>, <c>consentArchiving</c> (true/false), <c>language</c> (optional, e.g. en-GB).
/// </summary>
public static partial class UploadMetadataParser
{
    public static (RecordingMetadata? Metadata, IReadOnlyList<string> Errors) Parse(IReadOnlyDictionary<string, string> fields, Study study)
    {
        var errors = new List<string>();
        string? Field(string name) => fields.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        var siteId = Field("siteId");
        if (siteId is null) errors.Add("siteId is required.");
        // Checked before it is quoted: refusals of dropped uploads are logged, and a study without
        // sites would otherwise keep control characters (or a CSV formula) as the site of a recording.
        else if (!SiteIdShape().IsMatch(siteId)) errors.Add("siteId must be 1-64 letters, digits, '-', '_' or '.'.");
        else if (study.Sites.Count > 0 && !study.HasSite(siteId))
            errors.Add($"siteId '{siteId}' is not a site of this study; sites: {string.Join(", ", study.Sites.Select(s => s.Id))}.");

        var format = ParseFormat(Field("format"), errors);
        var participants = ParseParticipants(Field("participants"), study.ParticipantIdPattern, errors);
        if (format == RecordingFormat.IndividualInterview && participants.Count > 1)
            errors.Add("An individual interview has one participant; use format=focus-group for more.");

        var interviewer = Field("interviewer");
        if (interviewer is null) errors.Add("interviewer is required (a team member's name or initials).");
        else if (interviewer.Length > MaxFreeText) errors.Add($"interviewer is longer than {MaxFreeText} characters.");
        var notes = Field("notes");
        if (notes is { Length: > MaxFreeText }) errors.Add($"notes are longer than {MaxFreeText} characters.");
        else if (StoredLength(interviewer) + StoredLength(notes) > MaxStoredFreeText)
            errors.Add($"interviewer and notes are too long to store together ({StoredLength(interviewer) + StoredLength(notes)} characters once URI-escaped, at most {MaxStoredFreeText}); shorten the notes.");

        DateOnly? recordedOn = null;
        if (Field("recordedOn") is { } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) recordedOn = d;
            else errors.Add("recordedOn must be a date in the form yyyy-MM-dd.");
        }

        var consent = new ConsentFlags(
            Flag(Field("consentRecording"), "consentRecording", errors),
            Flag(Field("consentTranscription"), "consentTranscription", errors),
            Flag(Field("consentQuotation"), "consentQuotation", errors),
            Flag(Field("consentArchiving"), "consentArchiving", errors));
        if (!consent.PermitsProcessing)
            errors.Add("consentRecording and consentTranscription must both be true: without them the recording cannot be processed.");

        var language = Field("language");
        if (language is not null && !LanguageTag().IsMatch(language))
            errors.Add("language must be a language tag such as en-GB or cy.");

        if (errors.Count > 0) return (null, errors);
        return (new RecordingMetadata(siteId!, format!.Value, participants, interviewer!, recordedOn, consent, language ?? "en-GB", notes), errors);
    }

    private static RecordingFormat? ParseFormat(string? value, List<string> errors)
    {
        switch (value?.ToLowerInvariant().Replace("_", "-").Replace(" ", "-"))
        {
            case "interview" or "individual-interview" or "individualinterview": return RecordingFormat.IndividualInterview;
            case "focus-group" or "focusgroup": return RecordingFormat.FocusGroup;
            case null: errors.Add("format is required: interview or focus-group."); return null;
            default: errors.Add("format must be interview or focus-group."); return null;
        }
    }

    // Free text is kept as identifiable metadata of the raw upload (blob metadata, 8 KB in all,
    // URI-escaped because metadata is ASCII): 2,000 letters outside ASCII escape to up to 18,000
    // characters, which the storage service refuses. The rest of the 8 KB is the file name's.
    private const int MaxFreeText = 2000;
    private const int MaxStoredFreeText = 7000;

    private static int StoredLength(string? text) => text is null ? 0 : Uri.EscapeDataString(text).Length;

    // BCP 47 in the shape engines accept (en, en-GB, zh-Hant-TW); the tag reaches engines and the status row.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SiteIdShape();

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguageTag();

    private static List<ParticipantRef> ParseParticipants(string? value, string? pattern, List<string> errors)
    {
        var list = new List<ParticipantRef>();
        var errorsBefore = errors.Count;
        if (value is null)
        {
            errors.Add("participants is required: pseudonymous ids with roles, e.g. 'P017:ServiceUser'.");
            return list;
        }
        var entries = value.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < entries.Length; i++)
        {
            var parts = entries[i].Split(':', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !ParticipantIds.IsValid(parts[0], pattern))
            {
                // By position, never quoting the entry: a refused entry may be a participant's name,
                // and refusals of dropped uploads are logged and stored on the blob.
                errors.Add($"participant {i + 1} must look like 'P017:ServiceUser': a study code matching {pattern ?? ParticipantIds.DefaultPattern} (not a name) and a role.");
                continue;
            }
            // Letters only: Enum.TryParse also accepts numbers, so "P017:5" would otherwise pass as Other.
            var roleName = parts[1].Replace(" ", "").Replace("-", "");
            if (!roleName.All(char.IsAsciiLetter) || !Enum.TryParse<RespondentRole>(roleName, ignoreCase: true, out var role) || !Enum.IsDefined(role))
            {
                errors.Add($"participant {parts[0]}: role must be one of {string.Join(", ", Enum.GetNames<RespondentRole>())}.");
                continue;
            }
            list.Add(new ParticipantRef(parts[0], role));
        }
        if (list.Count == 0 && errors.Count == errorsBefore) errors.Add("participants must list at least one participant.");
        return list;
    }

    private static bool Flag(string? value, string name, List<string> errors)
    {
        if (value is null) return false;
        if (bool.TryParse(value, out var b)) return b;
        switch (value.ToLowerInvariant())
        {
            case "1" or "yes" or "on": return true;
            case "0" or "no" or "off": return false;
        }
        errors.Add($"{name} must be true or false.");
        return false;
    }
}
