using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workflow.Cli.Api;

/// <summary>
/// The workflow's HTTP API as the command line uses it. Every error answer becomes an
/// <see cref="ApiProblemException"/> carrying the problem's <c>detail</c>.
/// </summary>
internal sealed class WorkflowApiClient : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    // Small JSON calls get this long; uploads and exports run as long as the data takes.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(100);

    private readonly HttpClient _http;

    public WorkflowApiClient(ApiConnection connection, HttpMessageHandler? handler = null)
    {
        _http = new HttpClient(handler ?? new SocketsHttpHandler(), disposeHandler: true)
        {
            BaseAddress = connection.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("workflow-cli", "1.0"));
        if (connection.User is not null) _http.DefaultRequestHeaders.Add("X-Dev-User", connection.User);
        if (connection.Roles is not null) _http.DefaultRequestHeaders.Add("X-Dev-Roles", connection.Roles);
        if (connection.BearerToken is not null) _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", connection.BearerToken);
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Uploads one file with its metadata fields; a file the study already has comes back with <c>Duplicate</c>.</summary>
    public async Task<UploadResult> UploadAsync(string studyId, string path, string fileName, IReadOnlyDictionary<string, string> fields, IProgress<long> sent, CancellationToken ct)
    {
        using var form = new MultipartFormDataContent();
        var file = new ProgressContent(path, sent);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // The file part first, then the fields, as the browser page and curl -F send them.
        form.Add(file, "file", fileName);
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"studies/{Escape(studyId)}/recordings") { Content = form }, ct);
        return await ReadAsync<UploadResult>(response, ct);
    }

    /// <summary>Asks for a URL to write one file straight to storage; the metadata is checked now.</summary>
    public async Task<UploadGrantView> GrantUploadAsync(string studyId, string fileName, long sizeBytes, IReadOnlyDictionary<string, string> fields, CancellationToken ct)
    {
        using var timeout = Limit(ct);
        var body = JsonContent.Create(new { fileName, contentType = "application/octet-stream", sizeBytes, fields }, options: Json);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"studies/{Escape(studyId)}/upload-grants") { Content = body }, timeout.Token);
        return await ReadAsync<UploadGrantView>(response, timeout.Token);
    }

    public async Task<UploadGrantStatus> UploadGrantStatusAsync(string statusUrl, CancellationToken ct)
    {
        using var timeout = Limit(ct);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, statusUrl)), timeout.Token);
        return await ReadAsync<UploadGrantStatus>(response, timeout.Token);
    }

    public async Task<IReadOnlyList<RecordingSummary>> RecordingsAsync(string studyId, CancellationToken ct)
    {
        using var timeout = Limit(ct);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"studies/{Escape(studyId)}/recordings"), timeout.Token);
        return await ReadAsync<List<RecordingSummary>>(response, timeout.Token);
    }

    public async Task<BatchStarted> StartBatchAsync(string studyId, BatchRequest request, CancellationToken ct)
    {
        using var timeout = Limit(ct);
        var body = new
        {
            stage = request.Stage,
            scope = request.Sites is null && request.Recordings is null && request.ChangedSinceCodebookVersion is null
                ? null
                : new { sites = request.Sites, recordings = request.Recordings, changedSinceCodebookVersion = request.ChangedSinceCodebookVersion },
            requestId = request.RequestId,
        };
        var message = new HttpRequestMessage(HttpMethod.Post, $"studies/{Escape(studyId)}/reprocess") { Content = JsonContent.Create(body, options: Json) };
        using var response = await SendAsync(message, timeout.Token);
        return await ReadAsync<BatchStarted>(response, timeout.Token);
    }

    /// <summary>Reads a batch's status from the URL the start answer gave (an absolute path such as <c>/api/studies/s/reprocess/op</c>).</summary>
    public async Task<BatchStatus> BatchStatusAsync(string statusUrl, CancellationToken ct)
    {
        using var timeout = Limit(ct);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, statusUrl)), timeout.Token);
        return await ReadAsync<BatchStatus>(response, timeout.Token);
    }

    public async Task<BatchStarted> CancelBatchAsync(string studyId, string operationId, CancellationToken ct)
    {
        using var timeout = Limit(ct);
        var message = new HttpRequestMessage(HttpMethod.Post, $"studies/{Escape(studyId)}/reprocess/{Escape(operationId)}/cancel") { Content = new StringContent("") };
        using var response = await SendAsync(message, timeout.Token);
        return await ReadAsync<BatchStarted>(response, timeout.Token);
    }

    /// <summary>Walks the study's whole audit chain on the host; with an anchor, also checks that the chain still passes through it.</summary>
    public async Task<AuditVerifyResult> VerifyAuditAsync(string studyId, AuditAnchor? anchor, CancellationToken ct)
    {
        using var timeout = Limit(ct);
        var query = anchor is null ? "" : $"?sequence={anchor.Sequence}&hash={anchor.Hash}";
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"studies/{Escape(studyId)}/audit/verify{query}"), timeout.Token);
        return await ReadAsync<AuditVerifyResult>(response, timeout.Token);
    }

    /// <summary>One page of the study's audit trail from event <paramref name="from"/>, at most <paramref name="max"/> events.</summary>
    public async Task<AuditPage> AuditPageAsync(string studyId, long from, int max, CancellationToken ct)
    {
        using var timeout = Limit(ct);
        using var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, $"studies/{Escape(studyId)}/audit?from={from}&max={max}"), timeout.Token);
        return await ReadAsync<AuditPage>(response, timeout.Token);
    }

    /// <summary>Starts a new batch over the failed recordings of an ended one (<c>POST .../retry</c>).</summary>
    public async Task<BatchStarted> RetryBatchAsync(string studyId, string operationId, CancellationToken ct)
    {
        using var timeout = Limit(ct);
        var message = new HttpRequestMessage(HttpMethod.Post, $"studies/{Escape(studyId)}/reprocess/{Escape(operationId)}/retry") { Content = new StringContent("") };
        using var response = await SendAsync(message, timeout.Token);
        return await ReadAsync<BatchStarted>(response, timeout.Token);
    }

    /// <summary>
    /// Streams an export into <paramref name="destination"/>; <paramref name="query"/> is its query string
    /// (empty, or starting with '?'). Reports bytes received and the total when the host says it (zip
    /// formats do, text formats are streamed as they are written).
    /// </summary>
    public Task ExportAsync(string studyId, string format, string query, Stream destination, Action<long, long?> received, CancellationToken ct) =>
        DownloadAsync($"studies/{Escape(studyId)}/exports/{Escape(format)}{query}", destination, received, ct);

    /// <summary>
    /// Streams one of the study's reports (<c>codes</c> or <c>throughput</c>) as html, csv or png; for the
    /// code report's PNG, <paramref name="chart"/> picks the chart (codes or agreement).
    /// </summary>
    public Task ReportAsync(string studyId, string report, string format, string? chart, Stream destination, Action<long, long?> received, CancellationToken ct) =>
        DownloadAsync($"studies/{Escape(studyId)}/reports/{Escape(report)}?format={Escape(format)}" + (chart is null ? "" : $"&chart={Escape(chart)}"),
            destination, received, ct);

    private async Task DownloadAsync(string path, Stream destination, Action<long, long?> received, CancellationToken ct)
    {
        var message = new HttpRequestMessage(HttpMethod.Get, path);
        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, ct);
        if (!response.IsSuccessStatusCode) throw await ProblemAsync(response, ct);
        var total = response.Content.Headers.ContentLength;
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new byte[81920];
        long count = 0;
        int read;
        while ((read = await body.ReadAsync(buffer, ct)) > 0)
        {
            await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            count += read;
            received(count, total);
        }
        if (total is { } expected && count != expected)
            throw new IOException($"The export ended after {count} of {expected} bytes.");
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return await _http.SendAsync(request, ct);
        }
        finally
        {
            request.Dispose();
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode) throw await ProblemAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<T>(Json, ct)
            ?? throw new ApiProblemException((int)response.StatusCode, "The host answered with an empty body.");
    }

    /// <summary>The problem's <c>detail</c> (or title); for a non-problem answer, its status in words.</summary>
    internal static async Task<ApiProblemException> ProblemAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(ct);
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                if (doc.RootElement.ValueKind == JsonValueKind.Object)
                {
                    foreach (var name in new[] { "detail", "title" })
                        if (doc.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } message)
                            return new ApiProblemException(status, message);
                }
            }
            catch (JsonException)
            {
                // Not JSON after all: fall through to the status.
            }
        }
        var reason = status switch
        {
            401 => "the host wants you signed in (pass --bearer TOKEN or set WORKFLOW_TOKEN).",
            403 => "your roles do not allow this (see --roles, or your app role on Azure).",
            404 => "not found: check --api (it should end in /api) and the ids.",
            _ => $"the host answered {status} {response.ReasonPhrase}.",
        };
        return new ApiProblemException(status, reason);
    }

    private static CancellationTokenSource Limit(CancellationToken ct)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(ct);
        source.CancelAfter(CallTimeout);
        return source;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    public void Dispose() => _http.Dispose();
}
