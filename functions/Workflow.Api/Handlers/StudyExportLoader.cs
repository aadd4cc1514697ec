using Workflow.Domain.Coding;
using Workflow.Domain.Exports;
using Workflow.Domain.Results;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Gathers a study's verified, de-identified material for an export: every recording with a final
/// transcript (oldest first), its metadata without free text, and the codebook completed with any
/// code a transcript still applies. Reads the de-identified store only.
/// </summary>
public sealed class StudyExportLoader(StudyRepository studies, RecordingRepository recordings, RecordingDocuments documents, CodebookRepository codebooks, TimeProvider time)
{
    private const int ParallelReads = 8;

    /// <summary>What a load found: the data, or why there is none.</summary>
    public sealed record Result(StudyExportData? Data, bool StudyExists);

    public async Task<Result> LoadAsync(string studyId, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return new Result(null, false);

        var list = await recordings.ListByStudyAsync(studyId, ct);
        var finals = new FinalTranscript?[list.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = ct },
            async (i, token) => finals[i] = await documents.GetFinalAsync(studyId, list[i].Id, token));
        var verified = list.Select((r, i) => (Recording: r, Final: finals[i])).Where(x => x.Final is not null)
            .Select(x => new RecordingExport(x.Recording.Id, x.Recording.Metadata.WithoutFreeText(), x.Final!))
            .ToList();
        if (verified.Count == 0) return new Result(null, true);

        var current = await codebooks.GetCurrentAsync(studyId, ct) ?? new Codebook(studyId, 0, study.Name, [], time.GetUtcNow());
        var older = new List<Codebook>();
        foreach (var version in verified.Select(r => r.Transcript.CodebookVersion).Where(v => v != current.Version && v > 0).Distinct())
            if (await codebooks.GetAsync(studyId, version, ct) is { } codebook) older.Add(codebook);

        // Coders' notes stay out: they are free text kept in the identifiable queue (see README, Exports).
        var codebookForExport = ExportCodebook.Complete(current, older, verified.Select(r => r.Transcript));
        return new Result(new StudyExportData(studyId, study.Name, study.Sites, codebookForExport, verified), true);
    }
}
