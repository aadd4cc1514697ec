using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Azure.Language;

/// <summary>
/// The conversation PII job of Azure AI Language over REST: the turns go as one text conversation
/// (each turn an item with its speaker's number), the job is checked until it ends, and each item's
/// entities come back with offsets into that item's text. A job that fails, is cancelled, outlives
/// <see cref="AzureLanguageOptions.JobTimeout"/> or answers in a shape that cannot be read fails the
/// stage without quoting the text; a failure is never turned into "no findings".
/// </summary>
internal sealed class AzureConversationPiiClient(AzureLanguageTransport transport)
{
    private const string JobsPath = "language/analyze-conversations/jobs";

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<PiiEntity>>> RecognizeAsync(IReadOnlyList<PiiDocument> turns, string language, CancellationToken ct)
    {
        var job = await SubmitAsync(turns, language, ct);
        var options = transport.Options;
        var clock = Stopwatch.StartNew();
        for (var check = 0; ; check++)
        {
            using var response = await transport.SendAsync(HttpMethod.Get, job, null, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = Status(body);
            if (status == "succeeded") return Parse(body, turns);
            if (status is "failed" or "cancelled" or "cancelling" or "partiallyCompleted")
                throw new EngineUnavailableException($"Azure AI Language's conversation PII job ended '{status}' ({JobErrors(body)}); the stage can be retried later.");
            var wait = transport.RetryDelay(response, options.JobPollInterval);
            if (clock.Elapsed + wait > options.JobTimeout)
                throw new EngineUnavailableException($"Azure AI Language's conversation PII job did not finish within {options.JobTimeout} " +
                    $"(see {AzureLanguageOptions.SectionName}:JobTimeout); the stage can be retried later.");
            await Task.Delay(wait, ct);
        }
    }

    /// <summary>Starts the job; the service answers 202 with the job's address in Operation-Location.</summary>
    private async Task<Uri> SubmitAsync(IReadOnlyList<PiiDocument> turns, string language, CancellationToken ct)
    {
        using var response = await transport.SendAsync(HttpMethod.Post, transport.At(JobsPath), RequestBody(turns, language), ct);
        if (response.Headers.TryGetValues("Operation-Location", out var values) && Uri.TryCreate(values.FirstOrDefault(), UriKind.Absolute, out var job))
            return job;
        throw new EngineUnavailableException($"Azure AI Language accepted the conversation PII job ({(int)response.StatusCode}) but gave no Operation-Location to follow.");
    }

    private JsonObject RequestBody(IReadOnlyList<PiiDocument> turns, string language)
    {
        var parameters = new JsonObject { ["modelVersion"] = "latest" };
        var categories = transport.Options.ConversationCategories;
        if (categories.Length > 0) parameters["piiCategories"] = new JsonArray([.. categories.Select(c => (JsonNode)c)]);
        return new JsonObject
        {
            ["displayName"] = "de-identification",
            ["analysisInput"] = new JsonObject
            {
                ["conversations"] = new JsonArray(new JsonObject
                {
                    ["id"] = "1",
                    ["language"] = language,
                    ["modality"] = "text",
                    ["conversationItems"] = new JsonArray([.. turns.Select(t => (JsonNode)new JsonObject
                    {
                        ["id"] = t.Id, ["participantId"] = t.Participant, ["text"] = t.Text,
                    })]),
                }),
            },
            ["tasks"] = new JsonArray(new JsonObject
            {
                ["kind"] = "ConversationalPIITask",
                ["taskName"] = "pii",
                ["parameters"] = parameters,
            }),
        };
    }

    private static string Status(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            return doc.RootElement.GetProperty("status").GetString() ?? throw new FormatException();
        }
        catch (Exception e) when (AzureLanguageTransport.IsUnreadable(e))
        {
            throw new EngineUnavailableException($"Azure AI Language returned a job status that could not be read ({e.GetType().Name}).");
        }
    }

    private static string JobErrors(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
            ? AzureLanguageTransport.ErrorCodes(errors)
            : "no error code";
    }

    /// <summary>
    /// Reads a finished job: the conversation PII task's result for each item sent. A conversation
    /// the service could not analyse, or an item missing from the answer, fails the stage.
    /// </summary>
    internal static IReadOnlyDictionary<string, IReadOnlyList<PiiEntity>> Parse(string json, IReadOnlyList<PiiDocument> sent)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var task = doc.RootElement.GetProperty("tasks").GetProperty("items").EnumerateArray()
                .Single(t => string.Equals(t.GetProperty("kind").GetString(), "conversationalPIIResults", StringComparison.OrdinalIgnoreCase));
            var results = task.GetProperty("results");
            if (results.TryGetProperty("errors", out var errors) && errors.GetArrayLength() > 0)
                throw new EngineUnavailableException(
                    $"Azure AI Language could not analyse the conversation ({AzureLanguageTransport.ErrorCodes(errors)}); the stage fails rather than leave it unchecked.");
            var found = new Dictionary<string, IReadOnlyList<PiiEntity>>(StringComparer.Ordinal);
            foreach (var conversation in results.GetProperty("conversations").EnumerateArray())
                foreach (var item in conversation.GetProperty("conversationItems").EnumerateArray())
                    found[item.GetProperty("id").GetString()!] = PiiEntity.ListOf(item.GetProperty("entities"));
            var missing = sent.Count(d => !found.ContainsKey(d.Id));
            if (missing > 0) throw new EngineUnavailableException($"Azure AI Language's answer lacks {missing} of the {sent.Count} conversation turn(s) sent.");
            return found;
        }
        catch (Exception e) when (AzureLanguageTransport.IsUnreadable(e))
        {
            throw new EngineUnavailableException($"Azure AI Language returned a job result that could not be read ({e.GetType().Name}).");
        }
    }
}
