using System.Globalization;
using Workflow.Api.Endpoints;
using Workflow.Domain.Audit;

namespace Workflow.Api.Handlers;

/// <summary>
/// Audit entries for what the handlers do. Details are ids, versions, counts and enum names the
/// handlers produced themselves: never identifier words, file names, notes or other request text.
/// </summary>
internal static class AuditEntries
{
    /// <summary>An entry of the caller's, with where the request came from ("from").</summary>
    public static AuditEntry For(ApiCall call, AuditAction action, string targetId, params (string Key, object Value)[] details) =>
        For(call.Caller.UserId, action, targetId, [.. details, ("from", call.Origin)]);

    public static AuditEntry For(string actor, AuditAction action, string targetId, params (string Key, object Value)[] details) =>
        new(actor, action, targetId, details.ToDictionary(d => d.Key, d => Convert.ToString(d.Value, CultureInfo.InvariantCulture)!));
}
