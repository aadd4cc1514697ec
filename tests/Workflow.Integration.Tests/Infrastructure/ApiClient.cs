using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>A thin client for the workflow's HTTP API, as a user's script would call it.</summary>
public sealed class ApiClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public static Dictionary<string, string> InterviewFields(string participant = "P001:ServiceUser") => new()
    {
        ["siteId"] = "site-a",
        ["format"] = "interview",
        ["participants"] = participant,
        ["interviewer"] = "SP",
        ["recordedOn"] = "2006-05-03",
        ["consentRecording"] = "true",
        ["consentTranscription"] = "true",
    };

    public Task<HttpResponseMessage> SendJsonAsync(HttpMethod method, string path, string json, string? user = null, string? roles = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (user is not null) request.Headers.Add("X-Dev-User", user);
        if (roles is not null) request.Headers.Add("X-Dev-Roles", roles);
        return _http.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string path) => _http.GetAsync(path);

    /// <summary>Sends a request built by the test (headers such as Range), as the default user.</summary>
    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => _http.SendAsync(request);

    /// <summary>Posts JSON without a Content-Length (chunked), as HttpClient's PostAsJsonAsync does.</summary>
    public Task<HttpResponseMessage> PostChunkedJsonAsync(string path, object body) => _http.PostAsync(path, JsonContent.Create(body));

    public async Task CreateStudyAsync(string studyId)
    {
        var response = await SendJsonAsync(HttpMethod.Post, "studies",
            JsonSerializer.Serialize(new { id = studyId, name = "Test study " + studyId, sites = new[] { new { id = "site-a", name = "Site A" } } }));
        await EnsureAsync(response, HttpStatusCode.Created);
    }

    /// <summary>Gives <paramref name="userId"/> roles in the study, as the default (administrator) user.</summary>
    public async Task AddMemberAsync(string studyId, string userId, params string[] roles)
    {
        var response = await SendJsonAsync(HttpMethod.Put, $"studies/{studyId}/members/{Uri.EscapeDataString(userId)}", JsonSerializer.Serialize(new { roles }));
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK)) await EnsureAsync(response, HttpStatusCode.Created);
    }

    public async Task SetUpStudyAsync(string studyId)
    {
        await CreateStudyAsync(studyId);
        await EnsureAsync(await SendJsonAsync(HttpMethod.Put, $"studies/{studyId}/codebook", File.ReadAllText(RepositoryPaths.Sample("codebook.json"))), HttpStatusCode.OK);
        var identifiers = JsonSerializer.Serialize(new { identifiers = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Sample("identifiers.json"))).RootElement });
        await EnsureAsync(await SendJsonAsync(HttpMethod.Put, $"studies/{studyId}/identifiers", identifiers), HttpStatusCode.OK);
    }

    public async Task<HttpResponseMessage> UploadAsync(string studyId, string fileName, byte[] content, IDictionary<string, string> fields, string? contentType = null, string? user = null)
    {
        // The file part first, then the fields, as `curl -F file=@... -F siteId=...` in the README sends them.
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        if (contentType is not null) file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"studies/{studyId}/recordings") { Content = form };
        if (user is not null) request.Headers.Add("X-Dev-User", user);
        return await _http.SendAsync(request);
    }

    public async Task<string> UploadOkAsync(string studyId, string path, string participant = "P001:ServiceUser")
    {
        var response = await UploadAsync(studyId, Path.GetFileName(path), await File.ReadAllBytesAsync(path), InterviewFields(participant));
        var body = await EnsureAsync(response, HttpStatusCode.Accepted);
        return body.GetProperty("recordingId").GetString()!;
    }

    public async Task<JsonElement> RecordingAsync(string recordingId) =>
        await EnsureAsync(await _http.GetAsync($"recordings/{recordingId}"), HttpStatusCode.OK);

    /// <summary>Polls the recording until its status is one of <paramref name="statuses"/>; returns the stages seen on the way.</summary>
    public async Task<(JsonElement Recording, List<string> StagesSeen)> WaitForStatusAsync(string recordingId, TimeSpan timeout, params string[] statuses)
    {
        var seen = new List<string>();
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var recording = await RecordingAsync(recordingId);
            var stage = recording.GetProperty("stage").GetString()!;
            if (seen.Count == 0 || seen[^1] != stage) seen.Add(stage);
            if (statuses.Contains(recording.GetProperty("status").GetString())) return (recording, seen);
            if (DateTime.UtcNow > until)
                throw new TimeoutException($"Recording {recordingId} did not reach {string.Join("/", statuses)}; last: {recording}");
            await Task.Delay(250);
        }
    }

    /// <summary>Follows a batch's status URL (as the start route gave it) until it ends; it must end Completed.</summary>
    public async Task<JsonElement> WaitForBatchAsync(string statusUrl, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await EnsureAsync(await GetAsync(statusUrl.TrimStart('/')["api/".Length..]), HttpStatusCode.OK);
            if (status.GetProperty("runtimeStatus").GetString() is "Completed" or "Failed" or "Terminated")
            {
                if (status.GetProperty("runtimeStatus").GetString() != "Completed") throw new InvalidOperationException($"The batch ended badly: {status}");
                return status;
            }
            if (DateTime.UtcNow > until) throw new TimeoutException($"The batch did not finish: {status}");
            await Task.Delay(250);
        }
    }

    public async Task<JsonElement?> ClaimAsync(string studyId, string? user = null, string? recordingId = null)
    {
        var filter = recordingId is null ? "" : $"?recording={Uri.EscapeDataString(recordingId)}";
        var response = await SendJsonAsync(HttpMethod.Post, $"studies/{studyId}/queue/claim{filter}", "", user);
        if (response.StatusCode == HttpStatusCode.NoContent) return null;
        return await EnsureAsync(response, HttpStatusCode.OK);
    }

    public Task<HttpResponseMessage> DecideAsync(string itemId, object decision, string? user = null) =>
        SendJsonAsync(HttpMethod.Post, $"queue/items/{itemId}/decision", JsonSerializer.Serialize(decision), user);

    /// <summary>Decides every queued item of the study: confirms redactions, accepts codes (rejecting every third).</summary>
    public async Task<(int Redactions, int Codes)> DecideEverythingAsync(string studyId)
    {
        var (redactions, codes) = (0, 0);
        while (await ClaimAsync(studyId) is { } item)
        {
            var id = item.GetProperty("id").GetString()!;
            var isRedaction = item.GetProperty("kind").GetString() is "Redaction" or "TranscriptCheck";
            object decision = isRedaction ? new { action = "confirm" } : new { action = codes % 3 == 2 ? "reject" : "accept" };
            await EnsureAsync(await DecideAsync(id, decision), HttpStatusCode.OK);
            if (isRedaction) redactions++; else codes++;
        }
        return (redactions, codes);
    }

    /// <summary>
    /// The coders take turns claiming and deciding until none is given anything; <paramref name="decide"/>
    /// chooses each decision (from the coder and the claimed item). Returns who decided each item.
    /// </summary>
    public async Task<Dictionary<string, string>> DecideInTurnsAsync(string studyId, IReadOnlyList<string> coders, Func<string, JsonElement, object> decide)
    {
        var decidedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var idle = new HashSet<string>(); idle.Count < coders.Count;)
            foreach (var coder in coders)
            {
                if (await ClaimAsync(studyId, coder) is not { } item) { idle.Add(coder); continue; }
                idle.Remove(coder);
                var id = item.GetProperty("id").GetString()!;
                await EnsureAsync(await DecideAsync(id, decide(coder, item), coder), HttpStatusCode.OK);
                decidedBy[id] = coder;
            }
        return decidedBy;
    }

    public static async Task<JsonElement> EnsureAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"Expected {(int)expected}, got {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The body of a successful response as bytes (exports, reports).</summary>
    public static async Task<byte[]> EnsureBytesAsync(HttpResponseMessage response)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, $"Expected success, got {(int)response.StatusCode}: {System.Text.Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    /// <summary>The problem-details body of an error response, after checking its status and content type.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await EnsureAsync(response, expected);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("detail").GetString()));
        return body;
    }

    public void Dispose() => _http.Dispose();
}
