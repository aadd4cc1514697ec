using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Workflow.Domain.Serialization;

namespace Workflow.Api.Handlers;

/// <summary>Reads JSON request bodies with a size cap and turns parse errors into problem details.</summary>
internal static class RequestBodies
{
    private const int MaxJsonBytes = 4 * 1024 * 1024;

    public static async Task<(string? Text, IResult? Problem)> ReadTextAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16384];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxJsonBytes) return (null, Problems.TooLarge($"The JSON body is larger than {MaxJsonBytes / (1024 * 1024)} MB."));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, Problems.BadRequest("The request body is empty; send JSON."));
        return (Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length), null);
    }

    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        var (text, problem) = await ReadTextAsync(request, ct);
        if (problem is not null) return (null, problem);
        try
        {
            var value = JsonSerializer.Deserialize<T>(text!, WorkflowJson.Options);
            return value is null ? (null, Problems.BadRequest("The request body is null; send a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            // The message names the path and position; it does not echo the body.
            return (null, Problems.BadRequest($"The JSON body is malformed or has the wrong shape at {e.Path ?? "$"} (line {e.LineNumber + 1})."));
        }
    }
}
