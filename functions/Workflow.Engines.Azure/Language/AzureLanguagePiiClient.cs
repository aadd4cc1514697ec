using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Azure.Language;

/// <summary>
/// The analyze-text PII call of Azure AI Language over REST (retries and refusals in
/// <see cref="AzureLanguageTransport"/>). Per-document errors and responses that cannot be read fail
/// the stage without quoting the text sent. A failure is never turned into "no findings": that would leak names.
/// </summary>
internal sealed class AzureLanguagePiiClient(AzureLanguageTransport transport)
{
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<PiiEntity>>> RecognizeAsync(IReadOnlyList<PiiDocument> documents, string language, CancellationToken ct)
    {
        using var response = await transport.SendAsync(HttpMethod.Post, transport.At("language/:analyze-text"), RequestBody(documents, language), ct);
        return Parse(await response.Content.ReadAsStringAsync(ct), documents);
    }

    private JsonObject RequestBody(IReadOnlyList<PiiDocument> documents, string language)
    {
        var parameters = new JsonObject { ["modelVersion"] = "latest", ["stringIndexType"] = "Utf16CodeUnit" };
        var categories = transport.Options.Categories;
        if (categories.Length > 0) parameters["piiCategories"] = new JsonArray([.. categories.Select(c => (JsonNode)c)]);
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
                    $"Azure AI Language could not analyse {errors.GetArrayLength()} of {sent.Count} text(s) ({AzureLanguageTransport.ErrorCodes(errors)}); the stage fails rather than leave them unchecked.");
            var found = new Dictionary<string, IReadOnlyList<PiiEntity>>(StringComparer.Ordinal);
            foreach (var document in results.GetProperty("documents").EnumerateArray())
            {
                found[document.GetProperty("id").GetString()!] = PiiEntity.ListOf(document.GetProperty("entities"));
            }
            var missing = sent.Count(d => !found.ContainsKey(d.Id));
            if (missing > 0) throw new EngineUnavailableException($"Azure AI Language's answer lacks {missing} of the {sent.Count} text(s) sent.");
            return found;
        }
        catch (Exception e) when (AzureLanguageTransport.IsUnreadable(e))
        {
            throw new EngineUnavailableException($"Azure AI Language returned a response that could not be read ({e.GetType().Name}).");
        }
    }
}
