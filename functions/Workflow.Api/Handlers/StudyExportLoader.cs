using Workflow.Domain.Coding;
using Workflow.Domain.Exports;
using Workflow.Domain.Results;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Gathers a study's verified material for an export: every recording with a final transcript (oldest
/// first), its metadata without free text, coders' memos on the codes it applies, and the codebook
/// completed with any code a transcript still applies. A de-identified export reads the de-identified
/// store, and its memos pass through the study's de-identification (<see cref="MemoDeidentifier"/>). An
/// identifiable one also reads each original transcript and pseudonym key, and is refused whole if any
/// recording cannot be re-identified exactly.
/// </summary>
public sealed class StudyExportLoader(
    StudyRepository studies,
    RecordingRepository recordings,
    RecordingDocuments documents,
    CodebookRepository codebooks,
    VerificationQueue queue,
    MemoDeidentifier memos,
    TimeProvider time)
{
    private const int ParallelReads = 8;

    /// <summary>What a load found: the data, or why there is none (<see cref="Problem"/>: a 409 for the caller).</summary>
    public sealed record Result(StudyExportData? Data, bool StudyExists, string? Problem = null);

    public async Task<Result> LoadAsync(string studyId, ExportRequest request, CancellationToken ct)
    {
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return new Result(null, false);

        var list = (await recordings.ListByStudyAsync(studyId, ct))
            .Where(r => request.Participant is null || r.Metadata.Participants.Any(p => string.Equals(p.ParticipantId, request.Participant, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var loaded = new (FinalTranscript Final, IReadOnlyList<CodingMemo> Memos, string? Problem)?[list.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, list.Count), new ParallelOptions { MaxDegreeOfParallelism = ParallelReads, CancellationToken = ct },
            async (i, token) => loaded[i] = await LoadOneAsync(studyId, list[i].Id, request, token));

        var verified = list.Select((r, i) => (Recording: r, Loaded: loaded[i])).Where(x => x.Loaded is not null).ToList();
        if (verified.Count == 0)
            return new Result(null, true, request.Participant is null
                ? $"Study '{studyId}' has nothing verified yet: no recording has a final, verified transcript to export."
                : $"Study '{studyId}' has no verified recording with participant '{request.Participant}'.");
        if (verified.Select(x => x.Loaded!.Value.Problem).OfType<string>().FirstOrDefault() is { } problem)
            return new Result(null, true, problem);

        IReadOnlyList<RecordingExport> exports = verified
            .Select(x => new RecordingExport(x.Recording.Id, x.Recording.Metadata.WithoutFreeText(), x.Loaded!.Value.Final, x.Loaded.Value.Memos))
            .ToList();
        if (!request.Identifiable) exports = await memos.DeidentifyAsync(study, exports, ct);

        var current = await codebooks.GetCurrentAsync(studyId, ct) ?? new Codebook(studyId, 0, study.Name, [], time.GetUtcNow());
        var older = new List<Codebook>();
        foreach (var version in exports.Select(r => r.Transcript.CodebookVersion).Where(v => v != current.Version && v > 0).Distinct())
            if (await codebooks.GetAsync(studyId, version, ct) is { } codebook) older.Add(codebook);

        var codebookForExport = ExportCodebook.Complete(current, older, exports.Select(r => r.Transcript));
        return new Result(new StudyExportData(studyId, study.Name, study.Sites, codebookForExport, exports), true);
    }

    /// <summary>One recording's final transcript (re-identified if asked) and memos; null when it is not verified.</summary>
    private async Task<(FinalTranscript, IReadOnlyList<CodingMemo>, string?)?> LoadOneAsync(string studyId, string recordingId, ExportRequest request, CancellationToken ct)
    {
        var final = await documents.GetFinalAsync(studyId, recordingId, ct);
        if (final is null) return null;
        IReadOnlyList<CodingMemo> notes = request.Memos ? ExportMemos.Of(final, await queue.ListAsync(studyId, recordingId, ct)) : [];
        if (!request.Identifiable) return (final, notes, null);

        var original = await documents.GetTranscriptAsync(studyId, recordingId, ct);
        var record = await documents.GetDeidentificationRecordAsync(studyId, recordingId, ct);
        if (original is null || record is null)
            return (final, notes, $"Recording '{recordingId}' cannot be re-identified: its original transcript or pseudonym key is missing.");
        var restored = Reidentification.Restore(final, original, record.Key);
        return (restored.Transcript ?? final, notes, restored.Problem);
    }
}
