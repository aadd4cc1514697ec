using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using OpenAI.Chat;
using Workflow.Domain.Coding;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Azure.OpenAI;

/// <summary>
/// First-pass coding by an Azure OpenAI chat deployment: the codebook in the system message, batches of
/// de-identified segments (each with the segment before it) in, strict JSON-schema output back, every
/// quotation checked against the segment text. A cloud engine: only studies that allow cloud engines
/// reach it. All batches must succeed before anything is returned, so a failed stage leaves no partial
/// suggestions; an answer that is not the requested JSON is asked for once more, then the stage fails.
/// </summary>
internal sealed class AzureOpenAICodingEngine(AzureOpenAIChat chat, ILogger<AzureOpenAICodingEngine> logger) : ICodingEngine
{
    public const string EngineName = "azure-openai";

    /// <summary>Attempts per batch when the answer is not the requested JSON.</summary>
    private const int AnswerAttempts = 2;

    public string Name => EngineName;

    public async Task<IReadOnlyList<CodeSuggestion>> SuggestAsync(IReadOnlyList<Segment> segments, Codebook codebook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(codebook);
        var prompts = new CodingPromptBuilder(chat.Options);
        var batches = prompts.Batches(segments).ToList();
        if (batches.Count == 0) return [];
        var client = chat.Client;
        var system = new SystemChatMessage(prompts.SystemMessage(codebook));
        var version = ((ICodingEngine)this).Version;
        var options = new ChatCompletionOptions
        {
            ResponseFormat = ChatResponseFormat.CreateJsonSchemaFormat("segment_codes", CodingResponseSchema.Json, jsonSchemaIsStrict: true),
            Temperature = 0,
        };
        var suggestions = new List<CodeSuggestion>();
        foreach (var batch in batches)
        {
            var response = await CodeAsync(client, [system, new UserChatMessage(prompts.UserMessage(batch))], options, batch, codebook, version, cancellationToken);
            // Counts only: the dropped quotations may be transcript text.
            if (response.UnknownCodes + response.UnknownSegments + response.QuotesNotInText > 0)
                logger.LogInformation("Azure OpenAI batch {Batch}: dropped {UnknownCodes} unknown codes, {UnknownSegments} for segments not asked about, {NotInText} quotations not in the text.",
                    batch.Number, response.UnknownCodes, response.UnknownSegments, response.QuotesNotInText);
            suggestions.AddRange(response.Suggestions);
        }
        return suggestions;
    }

    private async Task<CodingResponse> CodeAsync(ChatClient client, ChatMessage[] messages, ChatCompletionOptions options, CodingBatch batch,
        Codebook codebook, string version, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var completion = await CompleteAsync(client, messages, options, batch, ct);
            if (completion.FinishReason == ChatFinishReason.ContentFilter)
                throw ContentFiltered(batch);
            try
            {
                if (completion.FinishReason == ChatFinishReason.Length)
                    throw new CodingResponseFormatException("the answer was cut off at the length limit");
                var content = completion.Content.Count > 0 ? completion.Content[0].Text : null;
                return CodingResponseParser.Parse(content, batch, codebook, Name, version);
            }
            catch (CodingResponseFormatException e) when (attempt < AnswerAttempts)
            {
                logger.LogWarning("Azure OpenAI batch {Batch}: {Problem}; asking again.", batch.Number, e.Message);
            }
            catch (CodingResponseFormatException e)
            {
                throw new EngineUnavailableException(
                    $"Azure OpenAI did not answer batch {batch.Number} ({Segments(batch)}) in the requested JSON after {attempt} attempts ({e.Message}). " +
                    $"Check that {AzureOpenAIOptions.SectionName}:Deployment is a model that supports structured outputs; the stage can be retried.");
            }
        }
    }

    private static async Task<ChatCompletion> CompleteAsync(ChatClient client, ChatMessage[] messages, ChatCompletionOptions options, CodingBatch batch, CancellationToken ct)
    {
        try
        {
            return (await client.CompleteChatAsync(messages, options, ct)).Value;
        }
        catch (ClientResultException e)
        {
            // The service's own message is not passed on: error bodies are not ours to vouch for.
            throw e.Status switch
            {
                401 or 403 => new EngineUnavailableException($"Azure OpenAI refused the credentials ({e.Status}). Check {AzureOpenAIOptions.SectionName}:ApiKey, " +
                    "or give the app's managed identity the 'Cognitive Services OpenAI User' role on the resource."),
                404 => new EngineUnavailableException($"Azure OpenAI has no deployment named in {AzureOpenAIOptions.SectionName}:Deployment at {AzureOpenAIOptions.SectionName}:Endpoint (404)."),
                400 when ErrorCode(e) == "content_filter" => ContentFiltered(batch),
                429 or 408 or >= 500 => new EngineUnavailableException($"Azure OpenAI kept answering {e.Status} after the configured retries ({AzureOpenAIOptions.SectionName}:MaxRetries); the stage can be retried later."),
                0 => new EngineUnavailableException($"Azure OpenAI could not be reached at {AzureOpenAIOptions.SectionName}:Endpoint; the stage can be retried later."),
                _ => new EngineUnavailableException($"Azure OpenAI rejected the request ({e.Status} {ErrorCode(e) ?? "no error code"})."),
            };
        }
    }

    private static EngineUnavailableException ContentFiltered(CodingBatch batch) =>
        new($"Azure OpenAI's content filter refused batch {batch.Number} ({Segments(batch)}). Code these segments by hand or with a local engine, " +
            "or ask the resource's owner to review its content filter for research transcripts.");

    private static string Segments(CodingBatch batch) =>
        batch.Items.Count == 1 ? $"segment {batch.Items[0].Segment.Id}" : $"segments {batch.Items[0].Segment.Id} to {batch.Items[^1].Segment.Id}";

    private static string? ErrorCode(ClientResultException e)
    {
        try
        {
            using var doc = JsonDocument.Parse(e.GetRawResponse()?.Content.ToString() ?? "");
            return doc.RootElement.TryGetProperty("error", out var error) && error.TryGetProperty("code", out var code) ? code.ToString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
