using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Workflow.Api.Auth;

/// <summary>
/// Reads the principal that App Service / Functions authentication (Easy Auth) injects as base64
/// JSON in <c>X-MS-CLIENT-PRINCIPAL</c>. The platform strips that header from client requests, so it
/// can be trusted when authentication is enabled on the app (infra/ turns it on).
/// </summary>
public sealed class EasyAuthPrincipalResolver : IPrincipalResolver
{
    private const string Header = "X-MS-CLIENT-PRINCIPAL";
    private const string DefaultRoleClaim = "roles";

    /// <summary>
    /// Behind App Service (the only place this resolver runs, see the start-up check) the front end
    /// sets <c>X-Client-IP</c> to the caller's address; the connection itself comes from the front end.
    /// </summary>
    public string OriginOf(HttpRequest request) =>
        request.Headers["X-Client-IP"].ToString() is { Length: > 0 and <= 64 } client ? client
            : request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    public WorkflowPrincipal? Resolve(HttpRequest request)
    {
        var encoded = request.Headers[Header].ToString();
        if (string.IsNullOrEmpty(encoded)) return null;
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)));
            var root = json.RootElement;
            var nameType = root.TryGetProperty("name_typ", out var n) ? n.GetString() : null;
            var roleType = root.TryGetProperty("role_typ", out var r) ? r.GetString() ?? DefaultRoleClaim : DefaultRoleClaim;
            var claims = root.GetProperty("claims").EnumerateArray()
                .Select(c => (Type: c.GetProperty("typ").GetString() ?? "", Value: c.GetProperty("val").GetString() ?? ""))
                .ToList();
            var user = claims.FirstOrDefault(c => c.Type == nameType).Value
                ?? claims.FirstOrDefault(c => c.Type is "preferred_username" or "name").Value;
            if (string.IsNullOrWhiteSpace(user)) return null;
            var roles = claims.Where(c => c.Type == roleType || c.Type == DefaultRoleClaim).Select(c => c.Value)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            return new WorkflowPrincipal(user, roles);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
