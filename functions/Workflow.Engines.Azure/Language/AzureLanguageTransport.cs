using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Azure.Language;

/// <summary>
/// One request to Azure AI Language, signed with the key or the app's identity. Throttling (408, 429,
/// honouring Retry-After) and server errors are retried a bounded number of times; refused credentials
/// and other refusals fail the stage with a reason that names the setting to check and never quotes
/// the text sent. Shared by the text and the conversation PII calls.
/// </summary>
internal sealed class AzureLanguageTransport(HttpClient http, AzureLanguageOptions options, TokenCredential? credential)
{
    private static readonly string[] Scopes = ["https://cognitiveservices.azure.com/.default"];

    public AzureLanguageOptions Options => options;

    /// <summary>The resource endpoint joined with <paramref name="relative"/> and the configured API version.</summary>
    public Uri At(string relative)
    {
        var endpoint = options.Endpoint ?? throw new EngineUnavailableException(
            $"Azure AI Language is chosen but {AzureLanguageOptions.SectionName}:Endpoint is not set.");
        return new Uri(endpoint, $"{relative}?api-version={Uri.EscapeDataString(options.ApiVersion)}");
    }

    /// <summary>Sends until a success status comes back (the caller disposes it) or the failure is final.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, Uri uri, JsonObject? body, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(method, uri);
            if (body is not null) request.Content = JsonContent.Create(body);
            await AuthorizeAsync(request, ct);
            var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode) return response;
            using (response)
            {
                var status = (int)response.StatusCode;
                if (status is 401 or 403)
                    throw new EngineUnavailableException($"Azure AI Language refused the credentials ({status}). Check {AzureLanguageOptions.SectionName}:ApiKey, " +
                        "or give the app's managed identity the 'Cognitive Services Language Reader' role on the resource.");
                var retryable = status is 408 or 429 || status >= 500;
                if (!retryable || attempt >= options.MaxRetries)
                    throw new EngineUnavailableException(retryable
                        ? $"Azure AI Language kept answering {status} after {attempt + 1} attempts; the stage can be retried later."
                        : $"Azure AI Language rejected the request ({status} {ErrorCode(await response.Content.ReadAsStringAsync(ct))}).");
                await Task.Delay(RetryDelay(response, TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt))), ct);
            }
        }
    }

    /// <summary>What Retry-After asks for, else <paramref name="otherwise"/>, within zero and the configured longest wait.</summary>
    public TimeSpan RetryDelay(HttpResponseMessage response, TimeSpan otherwise)
    {
        var fromHeader = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        var delay = fromHeader ?? otherwise;
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > options.MaxRetryDelay ? options.MaxRetryDelay : delay;
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(options.ApiKey))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", options.ApiKey);
            return;
        }
        if (credential is null) throw new EngineUnavailableException($"Set {AzureLanguageOptions.SectionName}:ApiKey or run with a managed identity.");
        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    /// <summary>The distinct error codes of an <c>errors</c> array (codes only: messages may quote the text).</summary>
    public static string ErrorCodes(JsonElement errors) =>
        string.Join(", ", errors.EnumerateArray()
            .Select(e => e.TryGetProperty("error", out var inner) && inner.TryGetProperty("code", out var code) ? code.ToString()
                : e.TryGetProperty("code", out var direct) ? direct.ToString() : "unknown")
            .Distinct());

    private static string ErrorCode(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) ? code.ToString() : "no error code";
        }
        catch (JsonException)
        {
            return "no error code";
        }
    }

    /// <summary>The exceptions reading a well-formed JSON answer of the wrong shape can throw.</summary>
    public static bool IsUnreadable(Exception e) =>
        e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or NullReferenceException;
}
