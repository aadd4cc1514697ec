using Workflow.Domain.Exports;
using Workflow.Domain.Studies;
using Workflow.Orchestrations.Verification;

namespace Workflow.Api.Handlers;

/// <summary>
/// Coders write memos freely, and one who worked a redaction check has seen the words behind a label,
/// so a memo may name someone. Before memos go into a de-identified export they pass through the
/// study's own de-identification (<see cref="FreeTextDeidentifier"/>) and take the study's pseudonyms.
/// </summary>
public sealed class MemoDeidentifier(FreeTextDeidentifier deidentifier)
{
    public async Task<IReadOnlyList<RecordingExport>> DeidentifyAsync(Study study, IReadOnlyList<RecordingExport> recordings, CancellationToken ct)
    {
        var memos = recordings.SelectMany(r => r.MemoList).ToList();
        if (memos.Count == 0) return recordings;

        var texts = await deidentifier.DeidentifyAsync(study, memos.Select(m => m.Text).ToList(), ct);
        var next = 0;
        return recordings.Select(r => r.MemoList.Count == 0
            ? r
            : r with { Memos = r.MemoList.Select(m => m with { Text = texts[next++] }).ToList() }).ToList();
    }
}
