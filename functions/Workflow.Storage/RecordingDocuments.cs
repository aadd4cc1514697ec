using Workflow.Domain.Results;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;
using Workflow.Storage.Documents;

namespace Workflow.Storage;

/// <summary>
/// The per-recording documents, each in the store its privacy level requires. Writes overwrite, so
/// an activity that is re-run after a crash produces the same documents again.
/// </summary>
public sealed class RecordingDocuments(
    JsonBlobContainer identifiableTranscripts,
    JsonBlobContainer pseudonymKeys,
    JsonBlobContainer deidentifiedTranscripts,
    JsonBlobContainer coding,
    JsonBlobContainer finalTranscripts)
{
    private static string NameOf(string studyId, string recordingId, string suffix = "") => $"{studyId}/{recordingId}{suffix}.json";

    // Identifiable
    public Task SaveTranscriptAsync(string studyId, Transcript transcript, CancellationToken ct) =>
        identifiableTranscripts.WriteAsync(NameOf(studyId, transcript.RecordingId), transcript, ct);

    public async Task<Transcript?> GetTranscriptAsync(string studyId, string recordingId, CancellationToken ct) =>
        (await identifiableTranscripts.TryReadAsync<Transcript>(NameOf(studyId, recordingId), ct)).Value;

    public Task SaveDeidentificationRecordAsync(string studyId, DeidentificationRecord record, CancellationToken ct) =>
        pseudonymKeys.WriteAsync(NameOf(studyId, record.RecordingId, ".redactions"), record, ct);

    public async Task<DeidentificationRecord?> GetDeidentificationRecordAsync(string studyId, string recordingId, CancellationToken ct) =>
        (await pseudonymKeys.TryReadAsync<DeidentificationRecord>(NameOf(studyId, recordingId, ".redactions"), ct)).Value;

    // De-identified
    public Task SaveDeidentifiedAsync(DeidentifiedTranscript transcript, CancellationToken ct) =>
        deidentifiedTranscripts.WriteAsync(NameOf(transcript.StudyId, transcript.RecordingId), transcript, ct);

    public async Task<DeidentifiedTranscript?> GetDeidentifiedAsync(string studyId, string recordingId, CancellationToken ct) =>
        (await deidentifiedTranscripts.TryReadAsync<DeidentifiedTranscript>(NameOf(studyId, recordingId), ct)).Value;

    public Task SaveCodingAsync(string studyId, CodingRecord record, CancellationToken ct) =>
        coding.WriteAsync(NameOf(studyId, record.RecordingId), record, ct);

    public async Task<CodingRecord?> GetCodingAsync(string studyId, string recordingId, CancellationToken ct) =>
        (await coding.TryReadAsync<CodingRecord>(NameOf(studyId, recordingId), ct)).Value;

    public Task SaveFinalAsync(string studyId, string recordingId, FinalTranscript transcript, CancellationToken ct) =>
        finalTranscripts.WriteAsync(NameOf(studyId, recordingId), transcript, ct);

    public async Task<FinalTranscript?> GetFinalAsync(string studyId, string recordingId, CancellationToken ct) =>
        (await finalTranscripts.TryReadAsync<FinalTranscript>(NameOf(studyId, recordingId), ct)).Value;
}
