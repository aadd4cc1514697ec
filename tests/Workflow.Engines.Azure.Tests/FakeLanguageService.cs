using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workflow.Engines.Azure.Tests;

/// <summary>
/// A stand-in for Azure AI Language on 127.0.0.1 that answers with scripted responses in order (the
/// last one repeats) and records every request, so the real HTTP client path is exercised. It serves
/// the analyze-text call and the conversation jobs (submit and status) from the same script.
/// </summary>
internal sealed class FakeLanguageService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _replies = new();
    private Reply? _last;

    /// <summary>A scripted answer; <paramref name="JobId"/> makes it carry Operation-Location for that job, as a submitted job's 202 does.</summary>
    public sealed record Reply(int Status, string Body, string? RetryAfter = null, string? JobId = null);

    public sealed record Received(string Method, string PathAndQuery, string? Key, JsonNode? Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    private FakeLanguageService(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First() + "/");

    public static async Task<FakeLanguageService> StartAsync(params Reply[] replies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeLanguageService(app);
        foreach (var reply in replies) fake._replies.Enqueue(reply);
        async Task Answer(HttpContext context)
        {
            var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
            fake.Requests.Enqueue(new Received(context.Request.Method, context.Request.Path + context.Request.QueryString,
                context.Request.Headers["Ocp-Apim-Subscription-Key"].FirstOrDefault(), text.Length == 0 ? null : JsonNode.Parse(text)));
            var reply = fake._replies.TryDequeue(out var next) ? fake._last = next : fake._last!;
            context.Response.StatusCode = reply.Status;
            if (reply.RetryAfter is not null) context.Response.Headers.RetryAfter = reply.RetryAfter;
            if (reply.JobId is not null)
                context.Response.Headers["Operation-Location"] = $"{fake.Endpoint}language/analyze-conversations/jobs/{reply.JobId}{context.Request.QueryString}";
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body);
        }
        app.MapPost("/language/:analyze-text", Answer);
        app.MapPost("/language/analyze-conversations/jobs", Answer);
        app.MapGet("/language/analyze-conversations/jobs/{jobId}", Answer);
        await app.StartAsync();
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
