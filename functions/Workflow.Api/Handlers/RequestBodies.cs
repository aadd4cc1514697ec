using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Workflow.Domain.Serialization;

namespace Workflow.Api.Handlers;

/// <summary>Reads JSON request bodies with a size cap and turns parse errors into problem details.</summary>
internal static class RequestBodies
{
    private const int MaxJsonBytes = 4 * 1024 * 1024;

    // The serializer's own limit; checked first so that the refusal says the body is too deep rather
    // than "malformed at $.a.a.a...".
    private const int MaxJsonDepth = 64;

    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        var (text, problem) = await ReadUpToLimitAsync(request, ct);
        if (problem is not null) return (null, problem);
        if (text!.Length == 0) return (null, Problems.BadRequest("The request body is empty; send JSON."));
        return TooDeep(text) ? (null, DeepProblem) : (text, null);
    }

    /// <summary>
    /// Like <see cref="ReadJsonAsync{T}"/> for a body that may be left out: an absent or empty body
    /// gives <paramref name="fallback"/>. Chunked bodies carry no Content-Length, so the body is read
    /// rather than judged by its header.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadOptionalJsonAsync<T>(HttpRequest request, T fallback, CancellationToken ct) where T : class
    {
        var (text, problem) = await ReadUpToLimitAsync(request, ct);
        if (problem is not null) return (null, problem);
        if (string.IsNullOrWhiteSpace(text)) return (fallback, null);
        return TooDeep(text) ? (null, DeepProblem) : Parse<T>(text);
    }

    private static async Task<(string? Text, IResult? Problem)> ReadUpToLimitAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes) return (null, Problems.TooLarge($"The JSON body is larger than {MaxJsonBytes / (1024 * 1024)} MB."));
            buffer.Write(chunk, 0, read);
        }
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
    }

    private static IResult DeepProblem => Problems.BadRequest($"The JSON body is nested more than {MaxJsonDepth} levels deep; no request needs that.");

    /// <summary>
    /// True when arrays and objects nest deeper than <see cref="MaxJsonDepth"/>. Stops at the first
    /// level too many, and leaves syntax errors to the parser, which reports where they are.
    /// </summary>
    private static bool TooDeep(string text)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions
        {
            MaxDepth = MaxJsonDepth + 1,
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
        });
        try
        {
            while (reader.Read())
                // The 65th opening bracket is the first one the serializer refuses.
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxJsonDepth) return true;
        }
        catch (JsonException)
        {
        }
        return false;
    }

    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var (text, problem) = await ReadTextAsync(request, ct);
        return problem is not null ? (null, problem) : Parse<T>(text!);
    }

    private static (T? Value, IResult? Problem) Parse<T>(string text) where T : class
    {
        try
        {
            var value = JsonSerializer.Deserialize<T>(text, WorkflowJson.Options);
            return value is null ? (null, Problems.BadRequest("The request body is null; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            // The message names the path and position; it does not echo the body.
            return (null, Problems.BadRequest($"The JSON body is malformed or has the wrong shape at {e.Path ?? "$"} (line {e.LineNumber + 1})."));
        }
    }
}
