using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workflow.Engines.Azure.Tests.Speech;

/// <summary>
/// A stand-in for the Azure AI Speech batch transcription API (2024-11-15) on 127.0.0.1, answering in
/// the shapes of the API reference's recorded examples: submit (201 with self, links.files, echoed
/// properties), list with a displayName filter, get (status NotStarted/Running/Succeeded/Failed with
/// properties.error), files (a Transcription file whose contentUrl carries a SAS, and the report),
/// the result file itself, and delete (204, also for a job that is gone). Errors can be injected
/// ahead of any request (401, 429 with Retry-After, 5xx). Every request is recorded.
/// </summary>
internal sealed partial class FakeSpeechService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Job> _jobs = new();

    public sealed record Received(string Method, string PathAndQuery, string? Key, string? Authorization, JsonNode? Body);

    /// <summary>An error answered to the next request whose method and path contain the given text.</summary>
    public sealed record Injected(string Method, string PathContains, int Status, string Body, string? RetryAfter = null);

    private sealed class Job(string id, string displayName, string locale, JsonNode properties)
    {
        public string Id { get; } = id;
        public string DisplayName { get; } = displayName;
        public string Locale { get; } = locale;
        public JsonNode Properties { get; } = properties;
        public int Gets;
        public bool Deleted;
    }

    public ConcurrentQueue<Received> Requests { get; } = new();
    public ConcurrentQueue<Injected> Injections { get; } = new();

    /// <summary>Statuses a job reports on successive gets; the last repeats.</summary>
    public string[] Statuses { get; set; } = ["NotStarted", "Running", "Succeeded"];

    /// <summary>The error a Failed job carries.</summary>
    public (string Code, string Message) Failure { get; set; } = ("InvalidData", "The audio could not be decoded.");

    /// <summary>The result file's content; null lists no Transcription file (only the report).</summary>
    public string? ResultJson { get; set; }

    /// <summary>The result file is listed but its content URL answers 404 (expired).</summary>
    public bool ResultGone { get; set; }

    /// <summary>Retry-After sent with a job that is still running.</summary>
    public string? RunningRetryAfter { get; set; }

    /// <summary>Read the audio from the submitted content URL, as the service does (only where that URL is reachable).</summary>
    public bool FetchAudio { get; set; }

    /// <summary>How many bytes of audio the fetch read, or the status it got.</summary>
    public long? AudioBytes { get; private set; }

    public int? AudioFetchStatus { get; private set; }

    public Uri Endpoint => new(_app.Urls.First() + "/");

    public int JobCount => _jobs.Count;

    public bool IsDeleted(string id) => _jobs.TryGetValue(id, out var job) && job.Deleted;

    private FakeSpeechService(WebApplication app) => _app = app;

    public static async Task<FakeSpeechService> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSpeechService(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var text = await new StreamReader(request.Body).ReadToEndAsync();
        var path = request.Path.Value ?? "";
        Requests.Enqueue(new Received(request.Method, path + request.QueryString, request.Headers["Ocp-Apim-Subscription-Key"].FirstOrDefault(),
            request.Headers.Authorization.FirstOrDefault(), text.Length > 0 ? JsonNode.Parse(text) : null));

        var injected = Injections.FirstOrDefault(i => i.Method == request.Method && path.Contains(i.PathContains, StringComparison.Ordinal));
        if (injected is not null && Remove(injected))
        {
            if (injected.RetryAfter is not null) context.Response.Headers.RetryAfter = injected.RetryAfter;
            await ReplyAsync(context, injected.Status, injected.Body);
            return;
        }

        var root = Endpoint.AbsoluteUri.TrimEnd('/');
        var jobMatch = JobPath().Match(path);
        switch (request.Method)
        {
            case "POST" when path == "/speechtotext/transcriptions:submit":
            {
                var body = JsonNode.Parse(text)!;
                if (FetchAudio)
                {
                    using var http = new HttpClient();
                    using var audio = await http.GetAsync(body["contentUrls"]![0]!.GetValue<string>());
                    AudioFetchStatus = (int)audio.StatusCode;
                    if (audio.IsSuccessStatusCode) AudioBytes = (await audio.Content.ReadAsByteArrayAsync()).LongLength;
                }
                var job = new Job(Guid.NewGuid().ToString(), body["displayName"]!.GetValue<string>(), body["locale"]!.GetValue<string>(), body["properties"]!.DeepClone());
                _jobs[job.Id] = job;
                context.Response.Headers.Location = $"{root}/speechtotext/transcriptions/{job.Id}?api-version=2024-11-15";
                await ReplyAsync(context, 201, Describe(job, "NotStarted", root).ToJsonString());
                return;
            }
            case "GET" when path == "/speechtotext/transcriptions":
            {
                var wanted = DisplayNameFilter().Match(request.Query["filter"].ToString()) is { Success: true } m ? m.Groups[1].Value.Replace("''", "'") : null;
                var values = _jobs.Values.Where(j => !j.Deleted && (wanted is null || j.DisplayName == wanted)).Select(j => (JsonNode)Describe(j, StatusOf(j, count: false), root));
                await ReplyAsync(context, 200, new JsonObject { ["values"] = new JsonArray([.. values]) }.ToJsonString());
                return;
            }
            case "GET" when jobMatch.Success && jobMatch.Groups[2].Value == "/files" && Live(jobMatch.Groups[1].Value) is { } job:
            {
                var files = new JsonArray(File(job, root, "report.json", "TranscriptionReport"));
                if (ResultJson is not null) files.Add(File(job, root, "contenturl_0.json", "Transcription"));
                await ReplyAsync(context, 200, new JsonObject { ["values"] = files }.ToJsonString());
                return;
            }
            case "GET" when jobMatch.Success && jobMatch.Groups[2].Value == "" && Live(jobMatch.Groups[1].Value) is { } job:
            {
                var status = StatusOf(job, count: true);
                if (status is "NotStarted" or "Running" && RunningRetryAfter is not null) context.Response.Headers.RetryAfter = RunningRetryAfter;
                await ReplyAsync(context, 200, Describe(job, status, root).ToJsonString());
                return;
            }
            case "DELETE" when jobMatch.Success:
                if (_jobs.TryGetValue(jobMatch.Groups[1].Value, out var deleted)) deleted.Deleted = true;
                context.Response.StatusCode = 204;
                return;
            case "GET" when path.StartsWith("/results/", StringComparison.Ordinal):
                if (path.EndsWith("/report.json", StringComparison.Ordinal)) await ReplyAsync(context, 200, """{"successfulTranscriptionsCount":1,"failedTranscriptionsCount":0,"details":[]}""");
                else if (ResultGone || ResultJson is null) await ReplyAsync(context, 404, """<?xml version="1.0" encoding="utf-8"?><Error><Code>BlobNotFound</Code></Error>""");
                else await ReplyAsync(context, 200, ResultJson);
                return;
            default:
                await ReplyAsync(context, 404, """{"code":"NotFound","message":"The specified entity cannot be found."}""");
                return;
        }
    }

    private bool Remove(Injected injected)
    {
        // Take exactly this injection off the queue, keeping the others in order.
        var rest = new List<Injected>();
        var found = false;
        while (Injections.TryDequeue(out var next))
        {
            if (!found && ReferenceEquals(next, injected)) found = true;
            else rest.Add(next);
        }
        foreach (var r in rest) Injections.Enqueue(r);
        return found;
    }

    private Job? Live(string id) => _jobs.TryGetValue(id, out var job) && !job.Deleted ? job : null;

    private string StatusOf(Job job, bool count)
    {
        var n = count ? Interlocked.Increment(ref job.Gets) - 1 : Math.Max(0, job.Gets - 1);
        return Statuses[Math.Min(n, Statuses.Length - 1)];
    }

    private JsonObject Describe(Job job, string status, string root)
    {
        var properties = job.Properties.DeepClone();
        if (status == "Failed") properties["error"] = new JsonObject { ["code"] = Failure.Code, ["message"] = Failure.Message };
        if (status == "Succeeded") properties["durationMilliseconds"] = 7480;
        return new JsonObject
        {
            ["self"] = $"{root}/speechtotext/transcriptions/{job.Id}?api-version=2024-11-15",
            ["model"] = new JsonObject { ["self"] = $"{root}/speechtotext/models/base/827712a5-f942-4997-91c3-7c6cde35600b?api-version=2024-11-15" },
            ["links"] = new JsonObject { ["files"] = $"{root}/speechtotext/transcriptions/{job.Id}/files?api-version=2024-11-15" },
            ["properties"] = properties,
            ["lastActionDateTime"] = "2026-12-02T11:36:07Z",
            ["status"] = status,
            ["createdDateTime"] = "2026-12-02T11:34:12Z",
            ["locale"] = job.Locale,
            ["displayName"] = job.DisplayName,
        };
    }

    private static JsonObject File(Job job, string root, string name, string kind) => new()
    {
        ["self"] = $"{root}/speechtotext/transcriptions/{job.Id}/files/{Guid.NewGuid()}?api-version=2024-11-15",
        ["name"] = name,
        ["kind"] = kind,
        ["properties"] = new JsonObject { ["size"] = 4733 },
        ["createdDateTime"] = "2026-12-02T11:36:07Z",
        ["links"] = new JsonObject { ["contentUrl"] = $"{root}/results/{job.Id}/{name}?skoid=fake&sv=2023-11-03&st=2026-12-02T11%3A31%3A07Z&se=2026-12-02T23%3A36%3A07Z&sr=b&sp=rl&sig=ZmFrZQ%3D%3D" },
    };

    private static async Task ReplyAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = body.StartsWith('<') ? "application/xml" : "application/json";
        await context.Response.WriteAsync(body);
    }

    [GeneratedRegex("^/speechtotext/transcriptions/([0-9a-f-]{36})(/files)?$")]
    private static partial Regex JobPath();

    [GeneratedRegex("displayName eq '((?:[^']|'')*)'")]
    private static partial Regex DisplayNameFilter();

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
