using Microsoft.AspNetCore.Http;
using Workflow.Domain.Verification;

namespace Workflow.Api.Handlers;

/// <summary>
/// The claim route's filter from its query: <c>kind</c> (Redaction or CodeSuggestion),
/// <c>recording</c> (a recording id) and <c>code</c> (a code id), each optional, and <c>order</c>
/// (<c>doubt</c>, the default, or <c>transcript</c>).
/// </summary>
public static class ClaimFilterQuery
{
    private const int MaxIdLength = 128;

    /// <summary>The filter, or the reason the query cannot be one.</summary>
    public static (ClaimFilter? Filter, string? Error) Read(IQueryCollection query)
    {
        VerificationItemKind? kind = null;
        if (query["kind"].ToString() is { Length: > 0 } k)
        {
            if (!Enum.TryParse<VerificationItemKind>(k, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(k, out _))
                return (null, $"kind must be one of {string.Join(", ", Enum.GetNames<VerificationItemKind>())}.");
            kind = parsed;
        }
        var recording = Id(query, "recording", out var recordingError);
        var code = Id(query, "code", out var codeError);
        var order = query["order"].ToString();
        var orderError = order is "" or "doubt" or "transcript" ? null : "order must be doubt (most uncertain first, the default) or transcript (reading order).";
        var error = recordingError ?? codeError ?? orderError;
        return error is null ? (new ClaimFilter(kind, recording, code, order == "transcript"), null) : (null, error);
    }

    private static string? Id(IQueryCollection query, string name, out string? error)
    {
        error = null;
        var value = query[name].ToString();
        if (value.Length == 0) return null;
        if (value.Length > MaxIdLength || value.Any(char.IsControl))
            error = $"{name} must be an id of at most {MaxIdLength} characters, without control characters.";
        return value;
    }
}
