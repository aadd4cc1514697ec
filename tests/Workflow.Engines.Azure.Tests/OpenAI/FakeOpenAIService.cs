using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Workflow.Engines.Azure.Tests.OpenAI;

/// <summary>
/// A stand-in for an Azure OpenAI deployment on 127.0.0.1: answers chat completions with scripted
/// replies in order (the last repeats) and records each request, so the SDK's real HTTP path runs.
/// </summary>
internal sealed class FakeOpenAIService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Reply> _replies = new();
    private Reply? _last;

    public sealed record Reply(int Status, string Body, string? RetryAfter = null);

    public sealed record Received(string PathAndQuery, string? Key, JsonNode Body);

    public ConcurrentQueue<Received> Requests { get; } = new();

    private FakeOpenAIService(WebApplication app) => _app = app;

    public Uri Endpoint => new(_app.Urls.First() + "/");

    /// <summary>A 200 in the shape Azure OpenAI returns, with <paramref name="content"/> as the message text.</summary>
    public static Reply Completion(string content, string finishReason = "stop") => new(200, new JsonObject
    {
        ["id"] = "chatcmpl-AbC123xyz",
        ["object"] = "chat.completion",
        ["created"] = 1764780000,
        ["model"] = "gpt-4o-2024-08-06",
        ["system_fingerprint"] = "fp_b705f0c291",
        ["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["finish_reason"] = finishReason,
            ["logprobs"] = null,
            ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = finishReason == "content_filter" ? null : content, ["refusal"] = null },
            ["content_filter_results"] = new JsonObject
            {
                ["hate"] = new JsonObject { ["filtered"] = false, ["severity"] = "safe" },
                ["self_harm"] = new JsonObject { ["filtered"] = finishReason == "content_filter", ["severity"] = finishReason == "content_filter" ? "high" : "safe" },
                ["sexual"] = new JsonObject { ["filtered"] = false, ["severity"] = "safe" },
                ["violence"] = new JsonObject { ["filtered"] = false, ["severity"] = "safe" },
            },
        }),
        ["usage"] = new JsonObject { ["prompt_tokens"] = 812, ["completion_tokens"] = 96, ["total_tokens"] = 908 },
    }.ToJsonString());

    /// <summary>An error in Azure's shape.</summary>
    public static Reply Error(int status, string code, string message, string? retryAfter = null) =>
        new(status, JsonSerializer.Serialize(new { error = new { code, message } }), retryAfter);

    public static async Task<FakeOpenAIService> StartAsync(params Reply[] replies)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeOpenAIService(app);
        foreach (var reply in replies) fake._replies.Enqueue(reply);
        app.MapPost("/openai/deployments/{deployment}/chat/completions", async context =>
        {
            var text = await new StreamReader(context.Request.Body).ReadToEndAsync();
            fake.Requests.Enqueue(new Received(context.Request.Path + context.Request.QueryString,
                context.Request.Headers["api-key"].FirstOrDefault(), JsonNode.Parse(text)!));
            var reply = fake._replies.TryDequeue(out var next) ? fake._last = next : fake._last!;
            context.Response.StatusCode = reply.Status;
            if (reply.RetryAfter is not null) context.Response.Headers.RetryAfter = reply.RetryAfter;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(reply.Body);
        });
        await app.StartAsync();
        return fake;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
