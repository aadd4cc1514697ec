using Workflow.Composition;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Exports;
using Workflow.Domain.Studies;
using Workflow.Domain.Transcripts;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Coders write memos and transcript corrections freely, and one who worked a redaction check has seen the words behind a label,
/// so a memo may name someone. Before memos go into a de-identified export they pass through the
/// study's own de-identification (its identifier list and its chosen detectors) and take the study's
/// pseudonyms, the same labels the transcripts use. Every finding is replaced, however unsure: there is
/// no coder to confirm it at export time.
/// </summary>
public sealed class MemoDeidentifier(EngineSelection engines, IdentifierListRepository identifierLists, PseudonymRegistryRepository pseudonyms)
{
    public async Task<IReadOnlyList<RecordingExport>> DeidentifyAsync(Study study, IReadOnlyList<RecordingExport> recordings, CancellationToken ct)
    {
        var memos = recordings.SelectMany(r => r.MemoList).ToList();
        if (memos.Count == 0) return recordings;

        var texts = await DeidentifyTextsAsync(study, memos.Select(m => m.Text).ToList(), ct);
        var next = 0;
        return recordings.Select(r => r.MemoList.Count == 0
            ? r
            : r with { Memos = r.MemoList.Select(m => m with { Text = texts[next++] }).ToList() }).ToList();
    }

    /// <summary>
    /// A coder's corrected transcript passage, de-identified the same way before it is stored: the
    /// coder heard the recording, and may write down a name the recogniser missed.
    /// </summary>
    public async Task<string> DeidentifyTextAsync(Study study, string text, CancellationToken ct) =>
        (await DeidentifyTextsAsync(study, [text], ct))[0];

    private async Task<IReadOnlyList<string>> DeidentifyTextsAsync(Study study, IReadOnlyList<string> texts, CancellationToken ct)
    {
        // All texts as one transcript, a text per utterance, so the study list and detectors run once.
        var asTranscript = new Transcript("memos", "memos", texts.Select((t, i) => Utterance.Untimed(i, "memo", t)).ToList());
        var identifiers = await identifierLists.GetCurrentAsync(study.Id, ct);
        var findings = await engines.Deidentification(study).FindAsync(asTranscript, identifiers, ct);
        // The registry is updated, not only read: a person first named in a memo keeps one label from then on.
        var result = await pseudonyms.UpdateAsync(study.Id,
            registry => Pseudonymizer.Apply(asTranscript, study.Id, identifiers.Version, findings, registry, confirmBelow: 0), ct);
        return result.Transcript.Utterances.Select(u => u.Text).ToList();
    }
}
