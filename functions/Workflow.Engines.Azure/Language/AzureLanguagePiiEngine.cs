using Microsoft.Extensions.Options;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Azure.Language;

/// <summary>
/// Azure AI Language PII detection as a de-identification detector: each utterance (long ones cut at
/// whitespace) is one document; the service's entities become findings beside the local detectors'
/// (the composition merges them). A cloud engine: only studies that allow cloud engines reach it.
/// </summary>
internal sealed class AzureLanguagePiiEngine(AzureLanguagePiiClient client, IOptions<AzureLanguageOptions> options) : IDeidentificationEngine
{
    private readonly AzureLanguageOptions _options = options.Value;

    public string Name => "azure-language";

    public async Task<IReadOnlyList<IdentifierFinding>> FindAsync(Transcript transcript, StudyIdentifierList identifiers, CancellationToken cancellationToken)
    {
        var documents = Documents(transcript).ToList();
        var findings = new List<IdentifierFinding>();
        foreach (var batch in documents.Chunk(Math.Max(1, _options.MaxDocumentsPerRequest)))
        {
            var results = await client.RecognizeAsync(batch, "en", cancellationToken);
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

    /// <summary>Utterances as documents no longer than the service accepts, cut at whitespace so no word is split.</summary>
    internal IEnumerable<PiiDocument> Documents(Transcript transcript)
    {
        var max = Math.Max(100, _options.MaxCharactersPerDocument);
        foreach (var utterance in transcript.Utterances)
        {
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
                    yield return new PiiDocument($"{utterance.Index}-{part}", text[start..end], utterance.Index, start);
                start = end;
            }
        }
    }
}
