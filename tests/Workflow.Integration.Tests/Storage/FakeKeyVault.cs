using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workflow.Integration.Tests.Storage;

/// <summary>
/// Key Vault's secrets REST API as a message handler, answering in the service's own shapes: the
/// 401 bearer challenge a request without a token gets, 404 SecretNotFound, secret bundles with
/// version ids and creation times, version listings, and on request a 429 with Retry-After or a 403.
/// Azure Key Vault cannot run here; this stands in for it at the HTTP transport.
/// </summary>
public sealed partial class FakeKeyVault : HttpMessageHandler
{
    public const string VaultUri = "https://fake-vault.vault.azure.net/";

    public sealed record Version(string Id, string Value, DateTimeOffset CreatedOn);

    public ConcurrentDictionary<string, List<Version>> Secrets { get; } = new();

    /// <summary>How many of the next authorized requests get 429 (then they are served).</summary>
    public int ThrottleNext;

    /// <summary>When true every authorized request gets 403, as for an identity without a role on the vault.</summary>
    public bool Forbid;

    public int Requests;

    private long _clock = DateTimeOffset.Parse("2026-11-01T00:00:00Z").ToUnixTimeSeconds();

    public void Seed(string name, string value, DateTimeOffset createdOn) =>
        Secrets.GetOrAdd(name, _ => []).Add(new Version(Guid.NewGuid().ToString("N"), value, createdOn));

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        Interlocked.Increment(ref Requests);
        if (request.Headers.Authorization is null)
        {
            var challenge = Respond(HttpStatusCode.Unauthorized, new { error = new { code = "Unauthorized", message = "AKV10000: Request is missing a Bearer or PoP token." } });
            challenge.Headers.TryAddWithoutValidation("WWW-Authenticate", "Bearer authorization=\"https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001\", resource=\"https://vault.azure.net\"");
            return challenge;
        }
        if (Forbid)
            return Respond(HttpStatusCode.Forbidden, new { error = new { code = "Forbidden", message = "Caller is not authorized to perform action on resource.", innererror = new { code = "ForbiddenByRbac" } } });
        if (ThrottleNext > 0 && Interlocked.Decrement(ref ThrottleNext) >= 0)
        {
            var throttled = Respond((HttpStatusCode)429, new { error = new { code = "Throttled", message = "Request was not processed because too many requests were received." } });
            throttled.Headers.TryAddWithoutValidation("Retry-After", "0");
            return throttled;
        }

        var path = request.RequestUri!.AbsolutePath;
        if (VersionsPath().Match(path) is { Success: true } list && request.Method == HttpMethod.Get)
        {
            if (!Secrets.TryGetValue(list.Groups[1].Value, out var versions) || versions.Count == 0) return NotFound(list.Groups[1].Value);
            lock (versions)
                return Respond(HttpStatusCode.OK, new { value = versions.Select(v => Item(list.Groups[1].Value, v)).ToList(), nextLink = (string?)null });
        }
        if (VersionPath().Match(path) is { Success: true } one && request.Method == HttpMethod.Get)
        {
            var found = Secrets.TryGetValue(one.Groups[1].Value, out var versions) ? versions.FirstOrDefault(v => v.Id == one.Groups[2].Value) : null;
            return found is null ? NotFound(one.Groups[1].Value) : Respond(HttpStatusCode.OK, Bundle(one.Groups[1].Value, found));
        }
        if (SecretPath().Match(path) is { Success: true } set && request.Method == HttpMethod.Put)
        {
            using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(ct));
            var version = new Version(Guid.NewGuid().ToString("N"), body.RootElement.GetProperty("value").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(Interlocked.Increment(ref _clock)));
            var versions = Secrets.GetOrAdd(set.Groups[1].Value, _ => []);
            lock (versions) versions.Add(version);
            return Respond(HttpStatusCode.OK, Bundle(set.Groups[1].Value, version));
        }
        return Respond(HttpStatusCode.BadRequest, new { error = new { code = "BadParameter", message = "Unexpected request in the fake vault." } });
    }

    private static object Attributes(Version v) => new
    {
        enabled = true,
        created = v.CreatedOn.ToUnixTimeSeconds(),
        updated = v.CreatedOn.ToUnixTimeSeconds(),
        recoveryLevel = "Recoverable+Purgeable",
        recoverableDays = 90,
    };

    private static object Item(string name, Version v) => new { id = $"{VaultUri}secrets/{name}/{v.Id}", attributes = Attributes(v), contentType = "application/octet-stream;base64" };

    private static object Bundle(string name, Version v) => new { value = v.Value, id = $"{VaultUri}secrets/{name}/{v.Id}", attributes = Attributes(v), contentType = "application/octet-stream;base64" };

    private static HttpResponseMessage NotFound(string name) =>
        Respond(HttpStatusCode.NotFound, new { error = new { code = "SecretNotFound", message = $"A secret with (name/id) {name} was not found in this key vault." } });

    private static HttpResponseMessage Respond(HttpStatusCode status, object body) =>
        new(status) { Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json") };

    [GeneratedRegex("^/secrets/([A-Za-z0-9-]+)/versions$")]
    private static partial Regex VersionsPath();

    [GeneratedRegex("^/secrets/([A-Za-z0-9-]+)/([0-9a-f]{32})$")]
    private static partial Regex VersionPath();

    [GeneratedRegex("^/secrets/([A-Za-z0-9-]+)$")]
    private static partial Regex SecretPath();
}
