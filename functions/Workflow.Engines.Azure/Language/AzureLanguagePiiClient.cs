using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Core;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Azure.Language;

/// <summary>
/// The analyze-text PII call of Azure AI Language over REST. Throttling (429, honouring Retry-After)
/// and server errors are retried a bounded number of times; refused credentials, per-document errors
/// and responses that cannot be read fail the stage with a reason that names the setting to check and
/// never quotes the text sent. A failure is never turned into "no findings": that would leak names.
/// </summary>
internal sealed class AzureLanguagePiiClient(HttpClient http, IOptions<AzureLanguageOptions> options, TokenCredential? credential = null)
{
    private static readonly string[] Scopes = ["https://cognitiveservices.azure.com/.default"];
    private readonly AzureLanguageOptions _options = options.Value;

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<PiiEntity>>> RecognizeAsync(IReadOnlyList<PiiDocument> documents, string language, CancellationToken ct)
    {
        var endpoint = _options.Endpoint ?? throw new EngineUnavailableException(
            $"Azure AI Language is chosen but {AzureLanguageOptions.SectionName}:Endpoint is not set.");
        var uri = new Uri(endpoint, $"language/:analyze-text?api-version={Uri.EscapeDataString(_options.ApiVersion)}");
        var body = RequestBody(documents, language);

        for (var attempt = 0; ; attempt++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = JsonContent.Create(body) };
            await AuthorizeAsync(request, ct);
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
                return Parse(await response.Content.ReadAsStringAsync(ct), documents);

            var status = (int)response.StatusCode;
            if (status is 401 or 403)
                throw new EngineUnavailableException($"Azure AI Language refused the credentials ({status}). Check {AzureLanguageOptions.SectionName}:ApiKey, " +
                    "or give the app's managed identity the 'Cognitive Services Language Reader' role on the resource.");
            var retryable = status is 408 or 429 || status >= 500;
            if (!retryable || attempt >= _options.MaxRetries)
                throw new EngineUnavailableException(retryable
                    ? $"Azure AI Language kept answering {status} after {attempt + 1} attempts; the stage can be retried later."
                    : $"Azure AI Language rejected the request ({status} {ErrorCode(await response.Content.ReadAsStringAsync(ct))}).");
            await Task.Delay(RetryDelay(response, attempt), ct);
        }
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(_options.ApiKey))
        {
            request.Headers.Add("Ocp-Apim-Subscription-Key", _options.ApiKey);
            return;
        }
        if (credential is null) throw new EngineUnavailableException($"Set {AzureLanguageOptions.SectionName}:ApiKey or run with a managed identity.");
        var token = await credential.GetTokenAsync(new TokenRequestContext(Scopes), ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
    }

    private JsonObject RequestBody(IReadOnlyList<PiiDocument> documents, string language)
    {
        var parameters = new JsonObject { ["modelVersion"] = "latest", ["stringIndexType"] = "Utf16CodeUnit" };
        if (_options.Categories.Length > 0) parameters["piiCategories"] = new JsonArray([.. _options.Categories.Select(c => (JsonNode)c)]);
        return new JsonObject
        {
            ["kind"] = "PiiEntityRecognition",
            ["parameters"] = parameters,
            ["analysisInput"] = new JsonObject
            {
                ["documents"] = new JsonArray([.. documents.Select(d => (JsonNode)new JsonObject { ["id"] = d.Id, ["language"] = language, ["text"] = d.Text })]),
            },
        };
    }

    private TimeSpan RetryDelay(HttpResponseMessage response, int attempt)
    {
        var fromHeader = response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } => date - DateTimeOffset.UtcNow,
            _ => (TimeSpan?)null,
        };
        var delay = fromHeader ?? TimeSpan.FromMilliseconds(500 * Math.Pow(2, attempt));
        return delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
    }

    /// <summary>
    /// Reads the analyze-text result (<c>results.documents</c>) and, for replaying older recordings,
    /// the v3.x shape (<c>documents</c> at the top level). Every document sent must come back.
    /// </summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<PiiEntity>> Parse(string json, IReadOnlyList<PiiDocument> sent)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var results = root.TryGetProperty("results", out var r) ? r : root;
            if (results.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
                throw new EngineUnavailableException(
                    $"Azure AI Language could not analyse {errors.GetArrayLength()} of {sent.Count} text(s) ({ErrorCodes(errors)}); the stage fails rather than leave them unchecked.");
            var found = new Dictionary<string, IReadOnlyList<PiiEntity>>(StringComparer.Ordinal);
            foreach (var document in results.GetProperty("documents").EnumerateArray())
            {
                var entities = document.GetProperty("entities").EnumerateArray().Select(e => new PiiEntity(
                    e.GetProperty("text").GetString()!,
                    e.GetProperty("category").GetString()!,
                    e.TryGetProperty("subcategory", out var sub) ? sub.GetString() : null,
                    e.GetProperty("offset").GetInt32(),
                    e.GetProperty("length").GetInt32(),
                    e.GetProperty("confidenceScore").GetDouble())).ToList();
                found[document.GetProperty("id").GetString()!] = entities;
            }
            var missing = sent.Count(d => !found.ContainsKey(d.Id));
            if (missing > 0) throw new EngineUnavailableException($"Azure AI Language's answer lacks {missing} of the {sent.Count} text(s) sent.");
            return found;
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or NullReferenceException)
        {
            throw new EngineUnavailableException($"Azure AI Language returned a response that could not be read ({e.GetType().Name}).");
        }
    }

    private static string ErrorCodes(JsonElement errors) =>
        string.Join(", ", errors.EnumerateArray()
            .Select(e => e.TryGetProperty("error", out var inner) && inner.TryGetProperty("code", out var code) ? code.ToString() : "unknown")
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
}
