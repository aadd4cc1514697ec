using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Api.Uploads;

/// <summary>
/// Accepts a validated upload: stores the bytes, records the recording, starts its pipeline. Used by
/// the HTTP upload and the blob trigger alike. The order (blob, row, orchestration) means that
/// whatever step a crash interrupts, nothing accepted is lost, and uploading the same file again
/// resumes it: the recording id is derived from the study and the content hash.
/// </summary>
public sealed class RecordingIntake(RecordingRepository recordings, RawUploadRepository rawUploads, ParticipantWithdrawals withdrawals, IOptions<PipelineOptions> options, TimeProvider time)
{
    /// <summary>Why the upload cannot be taken although it is well formed (a participant in it withdrew consent), or null.</summary>
    public async Task<string?> RefusalAsync(string studyId, RecordingMetadata metadata, CancellationToken ct)
    {
        foreach (var participant in metadata.Participants)
            if (await withdrawals.GetAsync(studyId, participant.ParticipantId, ct) is { } withdrawn)
                return $"Participant '{participant.ParticipantId}' withdrew consent on {withdrawn.WithdrawnAt:yyyy-MM-dd}: recordings with them are not accepted.";
        return null;
    }

    public async Task<IntakeResult> AcceptAsync(DurableTaskClient client, IntakeRequest request, Stream content, CancellationToken ct)
    {
        var recordingId = RecordingIds.For(request.StudyId, request.Sha256);
        var extension = Path.GetExtension(request.FileName).ToLowerInvariant();
        // Original file names often name people ("darren-interview.wav"): they stay with the raw
        // upload in the identifiable store; everything de-identified sees only "source.ext".
        var safeName = "source" + extension;
        var blobName = RawUploadRepository.NameOf(request.StudyId, recordingId, extension);
        var existing = await recordings.GetAsync(recordingId, ct);
        if (existing is null)
        {
            // Free text (the interviewer's name, notes) stays with the raw upload; the status row gets none.
            await rawUploads.SaveAsync(blobName, content, request.ContentType, request.FileName, ct, request.Metadata.Interviewer, request.Metadata.Notes);
            var now = time.GetUtcNow();
            var recording = new Recording(recordingId, request.StudyId, request.Metadata.WithoutFreeText(), request.Kind, safeName,
                request.ContentType, request.Size, request.Sha256, PipelineStage.Received, RecordingStatus.Running, null, null, now, now,
                UploadedBy: request.UploadedBy);
            if (await recordings.TryCreateAsync(recording, ct))
            {
                await StartAsync(client, recording, blobName, ct);
                return new IntakeResult(recording, Duplicate: false);
            }
            existing = await recordings.GetAsync(recordingId, ct);
        }

        // A duplicate: make sure its pipeline exists (the first upload may have been cut off before starting it),
        // unless it is being deleted, when its pipeline is gone on purpose.
        if (existing!.Status != RecordingStatus.Deleting && await client.GetInstanceAsync(recordingId, ct) is null)
            await StartAsync(client, existing, blobName, ct);
        return new IntakeResult(existing, Duplicate: true);
    }

    private Task StartAsync(DurableTaskClient client, Recording recording, string blobName, CancellationToken ct) =>
        client.ScheduleNewOrchestrationInstanceAsync(nameof(RecordingPipelineOrchestrator),
            new RecordingPipelineInput(recording.StudyId, recording.Id, recording.Source, blobName, recording.FileName, options.Value.VerificationRecheck),
            new StartOrchestrationOptions(InstanceId: recording.Id), ct);
}

/// <summary>What an upload claims to be, after validation.</summary>
public sealed record IntakeRequest(string StudyId, RecordingMetadata Metadata, SourceKind Kind, string FileName, string ContentType, long Size, string Sha256, string? UploadedBy = null);

/// <summary>The accepted recording, and whether it had been uploaded before.</summary>
public sealed record IntakeResult(Recording Recording, bool Duplicate);
