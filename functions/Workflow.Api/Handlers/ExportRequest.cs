using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Workflow.Domain.Exports;

namespace Workflow.Api.Handlers;

/// <summary>
/// What a lead asked an export to hold, from its query: <c>identifiable</c> (default false) with a
/// <c>purpose</c> it is then required to name; <c>participant</c> to take only one participant's
/// recordings (required for a participant's own request); <c>memos</c> (default true).
/// </summary>
public sealed partial record ExportRequest(bool Identifiable, IdentifiableExportPurpose? Purpose, string? Participant, bool Memos)
{
    /// <summary>A de-identified export of the whole study with memos.</summary>
    public static readonly ExportRequest Default = new(false, null, null, true);

    /// <summary>The request, or the problems with it (400).</summary>
    public static (ExportRequest? Request, string? Problem) Parse(HttpRequest request)
    {
        var query = request.Query;
        if (!TryBool(query["identifiable"].ToString(), false, out var identifiable)) return (null, $"identifiable must be true or false, not '{query["identifiable"]}'.");
        if (!TryBool(query["memos"].ToString(), true, out var memos)) return (null, $"memos must be true or false, not '{query["memos"]}'.");
        var participant = query["participant"].ToString() is { Length: > 0 } p ? p.Trim() : null;
        if (participant is not null && !ParticipantIdShape().IsMatch(participant))
            return (null, "participant must be a participant id: 1-64 letters, digits, dots, dashes or underscores.");

        var purposeText = query["purpose"].ToString();
        if (!identifiable)
            return purposeText.Length > 0
                ? (null, "purpose applies only to identifiable exports (identifiable=true).")
                : (new ExportRequest(false, null, participant, memos), null);

        var purposes = string.Join(", ", IdentifiableExportPurposes.Names);
        if (purposeText.Length == 0) return (null, $"An identifiable export must say why it is needed: add purpose, one of {purposes}. It is recorded in the study's audit trail.");
        if (!IdentifiableExportPurposes.TryParse(purposeText, out var purpose)) return (null, $"'{purposeText}' is not an export purpose; use one of {purposes}.");
        if (purpose == IdentifiableExportPurpose.ParticipantRequest && participant is null)
            return (null, "A participant's request must name the participant (participant=...): it gives that participant's recordings only.");
        return (new ExportRequest(true, purpose, participant, memos), null);
    }

    [GeneratedRegex("^[A-Za-z0-9._-]{1,64}$")]
    private static partial Regex ParticipantIdShape();

    private static bool TryBool(string value, bool absent, out bool result)
    {
        result = absent;
        if (value.Length == 0) return true;
        return bool.TryParse(value, out result);
    }
}
