using Microsoft.Extensions.Options;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Azure.Language;

/// <summary>
/// Azure AI Language PII detection as a de-identification detector: each utterance (long ones cut at
/// whitespace) is one document of the text call, or one turn of a conversation for the conversation
/// call (<see cref="AzureLanguageOptions.Analysis"/>); the service's entities become findings beside
/// the local detectors' (the composition merges them). A cloud engine: only studies that allow cloud
/// engines reach it.
/// </summary>
internal sealed class AzureLanguagePiiEngine(AzureLanguagePiiClient texts, AzureConversationPiiClient conversations, IOptions<AzureLanguageOptions> options)
    : IDeidentificationEngine
{
    private readonly AzureLanguageOptions _options = options.Value;

    public string Name => "azure-language";

    public async Task<IReadOnlyList<IdentifierFinding>> FindAsync(Transcript transcript, StudyIdentifierList identifiers, CancellationToken cancellationToken)
    {
        var documents = Documents(transcript).ToList();
        var findings = new List<IdentifierFinding>();
        foreach (var batch in Batches(documents))
        {
            var results = _options.Analysis == PiiAnalysis.Conversation
                ? await conversations.RecognizeAsync(batch, "en", cancellationToken)
                : await texts.RecognizeAsync(batch, "en", cancellationToken);
            foreach (var document in batch)
                foreach (var entity in results[document.Id])
                {
                    if (PiiCategories.KindOf(entity.Category) is not { } kind || entity.ConfidenceScore < _options.MinConfidence) continue;
                    if (entity.Offset < 0 || entity.Length <= 0 || entity.Offset + entity.Length > document.Text.Length) continue;
                    var start = document.Offset + entity.Offset;
                    var text = document.Text.Substring(entity.Offset, entity.Length);
                    findings.Add(new IdentifierFinding(document.UtteranceIndex, start, start + entity.Length, kind, text,
                        PseudonymRegistry.Normalize(text), entity.ConfidenceScore, $"{Name}/{entity.Category}"));
                }
        }
        return findings;
    }

    /// <summary>
    /// What one request carries: a few documents for the text call; for the conversation call, turns
    /// in order up to the conversation's character budget, so a long interview is cut between turns.
    /// </summary>
    internal IEnumerable<PiiDocument[]> Batches(IReadOnlyList<PiiDocument> documents)
    {
        if (_options.Analysis != PiiAnalysis.Conversation)
        {
            foreach (var batch in documents.Chunk(Math.Max(1, _options.MaxDocumentsPerRequest))) yield return batch;
            yield break;
        }
        var budget = Math.Max(_options.MaxCharactersPerDocument, _options.MaxCharactersPerConversation);
        var current = new List<PiiDocument>();
        var characters = 0;
        foreach (var document in documents)
        {
            if (current.Count > 0 && characters + document.Text.Length > budget)
            {
                yield return [.. current];
                current.Clear();
                characters = 0;
            }
            current.Add(document);
            characters += document.Text.Length;
        }
        if (current.Count > 0) yield return [.. current];
    }

    /// <summary>Utterances as documents no longer than the service accepts, cut at whitespace so no word is split.</summary>
    internal IEnumerable<PiiDocument> Documents(Transcript transcript)
    {
        var max = Math.Max(100, _options.MaxCharactersPerDocument);
        // Speakers go by number: a label can be a name ("Kelly:") and is not the service's to see as a label.
        var participants = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var utterance in transcript.Utterances)
        {
            if (!participants.TryGetValue(utterance.Speaker, out var participant))
                participants[utterance.Speaker] = participant = (participants.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var text = utterance.Text;
            for (int start = 0, part = 0; start < text.Length; part++)
            {
                var end = Math.Min(text.Length, start + max);
                if (end < text.Length)
                {
                    var cut = text.LastIndexOf(' ', end - 1, end - start);
                    if (cut > start) end = cut;
                }
                if (!string.IsNullOrWhiteSpace(text[start..end]))
                    yield return new PiiDocument($"{utterance.Index}-{part}", text[start..end], utterance.Index, start, participant);
                start = end;
            }
        }
    }
}
