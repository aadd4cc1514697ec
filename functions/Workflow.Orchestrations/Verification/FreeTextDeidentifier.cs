using Workflow.Composition;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Studies;
using Workflow.Domain.Transcripts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Verification;

/// <summary>
/// Passes text people wrote (memos, transcript corrections) through the study's own de-identification:
/// its current identifier list and its chosen detectors, with the study's pseudonyms, the same labels the
/// transcripts use. Every finding is replaced, however unsure: there is no coder to confirm it.
/// Already de-identified text comes through unchanged, so applying it again with a newer list only
/// replaces what that list adds.
/// </summary>
public sealed class FreeTextDeidentifier(EngineSelection engines, IdentifierListRepository identifierLists, PseudonymRegistryRepository pseudonyms)
{
    public async Task<IReadOnlyList<string>> DeidentifyAsync(Study study, IReadOnlyList<string> texts, CancellationToken ct)
    {
        if (texts.Count == 0) return [];
        // All texts as one transcript, a text per utterance, so the study list and detectors run once.
        var asTranscript = new Transcript("free-text", "free-text", texts.Select((t, i) => Utterance.Untimed(i, "text", t)).ToList());
        var identifiers = await identifierLists.GetCurrentAsync(study.Id, ct);
        var findings = await engines.Deidentification(study).FindAsync(asTranscript, identifiers, ct);
        // The registry is updated, not only read: a person first named here keeps one label from then on.
        var result = await pseudonyms.UpdateAsync(study.Id,
            registry => Pseudonymizer.Apply(asTranscript, study.Id, identifiers.Version, findings, registry, confirmBelow: 0), ct);
        return result.Transcript.Utterances.Select(u => u.Text).ToList();
    }
}
