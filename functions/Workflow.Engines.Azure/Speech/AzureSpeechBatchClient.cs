using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Azure.Core;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Azure.Speech;

/// <summary>
/// The batch transcription operations of the Azure AI Speech speech-to-text REST API
/// (<c>/speechtotext/transcriptions...?api-version=2024-11-15</c>). Each call is one request: waiting
/// and retrying belong to the caller (a durable monitor), so throttling (429) and server errors
/// (5xx) surface as <see cref="EngineBusyException"/> with the service's Retry-After. Refused
/// credentials and rejected requests become <see cref="EngineUnavailableException"/> naming the
/// setting to check. Service messages are passed on without any URL in them, since a URL could be
/// the audio's read URL.
/// </summary>
internal sealed partial class AzureSpeechBatchClient(HttpClient http, IOptions<AzureSpeechOptions> options, TokenCredential? credential = null)
{
    private static readonly string[] Scopes = ["https://cognitiveservices.azure.com/.default"];
    private readonly AzureSpeechOptions _options = options.Value;

    /// <summary>The newest job with this display name that has not failed, or null.</summary>
    public async Task<SpeechJob?> FindAsync(string displayName, CancellationToken ct)
    {
        var filter = Uri.EscapeDataString($"displayName eq '{displayName.Replace("'", "''", StringComparison.Ordinal)}'");
        Uri? page = Url($"speechtotext/transcriptions?filter={filter}&");
        var found = new List<(DateTimeOffset Created, SpeechJob Job)>();
        for (var pages = 0; page is not null && pages < 20; pages++)
        {
            using var response = await SendAsync(HttpMethod.Get, page, null, ct);
            var body = await ReadJsonAsync(response, ct);
            foreach (var job in body["values"]?.AsArray() ?? [])
            {
                if (job is null || job["displayName"]?.GetValue<string>() != displayName) continue;
                var parsed = ParseJob(job, null);
                if (parsed.Status == "Failed") continue;
                found.Add((DateTimeOffset.TryParse(job["createdDateTime"]?.GetValue<string>(), out var at) ? at : DateTimeOffset.MinValue, parsed));
            }
            page = body["@nextLink"]?.GetValue<string>() is { Length: > 0 } next ? new Uri(next) : null;
        }
        return found.OrderByDescending(f => f.Created).Select(f => f.Job).FirstOrDefault();
    }

    /// <summary>Submits a job for one audio URL; returns the job as created.</summary>
    public async Task<SpeechJob> SubmitAsync(Uri audioUrl, string displayName, string locale, int maxSpeakers, CancellationToken ct)
    {
        var body = new JsonObject
        {
            ["displayName"] = displayName,
            ["locale"] = locale,
            ["contentUrls"] = new JsonArray(audioUrl.AbsoluteUri),
            ["properties"] = new JsonObject
            {
                ["wordLevelTimestampsEnabled"] = true,
                // Stereo channels would be transcribed twice, and diarization works on one channel.
                ["channels"] = new JsonArray(0),
                ["diarization"] = new JsonObject { ["enabled"] = true, ["maxSpeakers"] = Math.Clamp(maxSpeakers, 2, 35) },
                ["punctuationMode"] = "DictatedAndAutomatic",
                // Research transcripts are verbatim: nothing the participant said is masked.
                ["profanityFilterMode"] = "None",
                ["timeToLiveHours"] = Math.Clamp(_options.TimeToLiveHours, 6, 744),
            },
        };
        using var response = await SendAsync(HttpMethod.Post, Url("speechtotext/transcriptions:submit?"), body, ct);
        return ParseJob(await ReadJsonAsync(response, ct), null);
    }

    public async Task<SpeechJob> GetAsync(string jobId, CancellationToken ct)
    {
        using var response = await SendAsync(HttpMethod.Get, Url($"speechtotext/transcriptions/{Uri.EscapeDataString(jobId)}?"), null, ct, jobId);
        return ParseJob(await ReadJsonAsync(response, ct), response.Headers.RetryAfter?.Delta);
    }

    public async Task<IReadOnlyList<SpeechJobFile>> ListFilesAsync(string jobId, CancellationToken ct)
    {
        var files = new List<SpeechJobFile>();
        Uri? page = Url($"speechtotext/transcriptions/{Uri.EscapeDataString(jobId)}/files?");
        for (var pages = 0; page is not null && pages < 20; pages++)
        {
            using var response = await SendAsync(HttpMethod.Get, page, null, ct, jobId);
            var body = await ReadJsonAsync(response, ct);
            foreach (var file in body["values"]?.AsArray() ?? [])
                files.Add(new SpeechJobFile(file?["name"]?.GetValue<string>() ?? "", file?["kind"]?.GetValue<string>() ?? "",
                    file?["links"]?["contentUrl"]?.GetValue<string>() is { } url ? new Uri(url) : null));
            page = body["@nextLink"]?.GetValue<string>() is { Length: > 0 } next ? new Uri(next) : null;
        }
        return files;
    }

    /// <summary>A result file's content, or null when it is gone. The content URL carries its own SAS: no credentials are sent.</summary>
    public async Task<string?> DownloadAsync(Uri contentUrl, CancellationToken ct)
    {
        using var response = await http.GetAsync(contentUrl, ct);
        if ((int)response.StatusCode is 404 or 403) return null;
        if (!response.IsSuccessStatusCode) ThrowFor(response, "", jobId: null);
        return await response.Content.ReadAsStringAsync(ct);
    }

    public async Task DeleteAsync(string jobId, CancellationToken ct)
    {
        // A job already gone (deleted by an earlier attempt, or expired) counts as deleted: 404 is success here.
        using var _ = await SendAsync(HttpMethod.Delete, Url($"speechtotext/transcriptions/{Uri.EscapeDataString(jobId)}?"), null, ct, jobId, notFoundIsDone: true);
    }

    private Uri Url(string pathAndQueryStart)
    {
        var endpoint = _options.Endpoint ?? throw new EngineUnavailableException(
            $"Azure AI Speech is chosen but {AzureSpeechOptions.SectionName}:Endpoint is not set (the resource's custom-subdomain endpoint, " +
            $"with {AzureSpeechOptions.SectionName}:ApiKey or a managed identity).");
        var root = endpoint.AbsoluteUri.EndsWith('/') ? endpoint : new Uri(endpoint.AbsoluteUri + "/");
        return new Uri(root, $"{pathAndQueryStart}api-version={Uri.EscapeDataString(_options.ApiVersion)}");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, JsonObject? body, CancellationToken ct, string? jobId = null, bool notFoundIsDone = false)
    {
        using var request = new HttpRequestMessage(method, uri);
        if (body is not null) request.Content = JsonContent.Create(body);
        await AuthorizeAsync(request, ct);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new EngineBusyException($"Azure AI Speech could not be reached ({e.HttpRequestError}); check {AzureSpeechOptions.SectionName}:Endpoint, or re-run the stage.", null);
        }
        if (response.IsSuccessStatusCode || (notFoundIsDone && (int)response.StatusCode == 404)) return response;
        using (response)
        {
            ThrowFor(response, await response.Content.ReadAsStringAsync(ct), jobId);
            return response; // not reached
        }
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", _options.ApiKey);
            return;
        }
        if (credential is null) throw new EngineUnavailableException($"Set {AzureSpeechOptions.SectionName}:ApiKey or run with a managed identity.");
        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    private static void ThrowFor(HttpResponseMessage response, string body, string? jobId)
    {
        var status = (int)response.StatusCode;
        if (status is 401 or 403)
            throw new EngineUnavailableException($"Azure AI Speech refused the credentials ({status}). Check {AzureSpeechOptions.SectionName}:ApiKey and " +
                $"{AzureSpeechOptions.SectionName}:Endpoint, or give the app's managed identity the 'Cognitive Services Speech Contributor' role on the resource.");
        if (status is 408 or 429 || status >= 500)
            throw new EngineBusyException($"Azure AI Speech answered {status} (throttled or briefly unavailable); the stage can be re-run.", RetryAfter(response));
        if (status == 404 && jobId is not null)
            throw new EngineUnavailableException($"Azure AI Speech no longer has transcription job {jobId} (deleted or expired); re-run the transcription.");
        throw new EngineUnavailableException($"Azure AI Speech rejected the request ({status} {Describe(body)}).");
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - DateTimeOffset.UtcNow is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
        _ => null,
    };

    private static async Task<JsonNode> ReadJsonAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(ct)) ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            throw new EngineUnavailableException("Azure AI Speech returned a response that could not be read.");
        }
    }

    private static SpeechJob ParseJob(JsonNode job, TimeSpan? retryAfter)
    {
        try
        {
            var self = job["self"]?.GetValue<string>() ?? throw new JsonException("no self");
            var id = new Uri(self).Segments[^1].TrimEnd('/');
            var error = job["properties"]?["error"];
            return new SpeechJob(id, job["status"]?.GetValue<string>() ?? "NotStarted",
                error?["code"]?.GetValue<string>(), error?["message"]?.GetValue<string>() is { } m ? WithoutUrls(m) : null, retryAfter);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or UriFormatException)
        {
            throw new EngineUnavailableException($"Azure AI Speech described a transcription job in a way that could not be read ({e.GetType().Name}).");
        }
    }

    /// <summary>The error code and message of an error body (either <c>{code, message}</c> or <c>{error: {code, message}}</c>).</summary>
    private static string Describe(string body)
    {
        try
        {
            var root = JsonNode.Parse(body);
            var error = root?["error"] ?? root;
            var code = error?["code"]?.ToString() ?? "no error code";
            return error?["message"]?.GetValue<string>() is { Length: > 0 } message ? $"{code}: {WithoutUrls(message)}" : code;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return "no error code";
        }
    }

    /// <summary>Service messages may echo the audio's read URL; that never reaches a recording's status or a log.</summary>
    internal static string WithoutUrls(string message) => UrlPattern().Replace(message, "[url]");

    [GeneratedRegex(@"\b(?:https?|ftp)://\S+", RegexOptions.IgnoreCase)]
    private static partial Regex UrlPattern();
}
