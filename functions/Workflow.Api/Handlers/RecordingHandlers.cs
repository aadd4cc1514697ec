using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using Workflow.Api.Auth;
using Workflow.Api.Uploads;
using Workflow.Domain.Ports;
using Workflow.Orchestrations;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Interviewers upload recordings or transcripts and follow their progress.</summary>
public sealed class RecordingHandlers(
    WorkflowStores stores,
    Authorizer auth,
    RecordingIntake intake,
    TranscriptImporterCatalog importers,
    IOptions<PipelineOptions> options)
{
    public async Task<IResult> UploadAsync(HttpRequest request, string studyId, DurableTaskClient client, CancellationToken ct)
    {
        var (_, denied) = auth.Require(request, WorkflowRoles.Interviewer, WorkflowRoles.Lead);
        if (denied is not null) return denied;
        var study = await stores.Studies.GetAsync(studyId, ct);
        if (study is null) return StudyHandlers.UnknownStudy(studyId);
        if (await stores.Codebooks.GetCurrentAsync(studyId, ct) is null)
            return Problems.Conflict($"Study '{studyId}' has no codebook yet: a lead must PUT /api/studies/{studyId}/codebook before recordings can be coded.");

        var (upload, problem) = await MultipartUploadReader.ReadAsync(request, options.Value.MaxUploadBytes, options.Value.WorkDirectory, ct);
        if (problem is not null) return problem;
        using (upload)
        {
            var transcriptExtensions = importers.SupportedExtensions;
            var checkedUpload = UploadCheck.Check(upload!.FileName, upload.ContentType, upload.Fields, study, transcriptExtensions, out var refusal);
            if (checkedUpload is not { } accepted)
                return refusal!.UnsupportedType
                    ? Problems.UnsupportedMedia(string.Join(" ", refusal.Errors))
                    : Problems.Validation(refusal.Errors, "metadata");

            var contentType = string.IsNullOrWhiteSpace(upload.ContentType) ? "application/octet-stream" : upload.ContentType;
            await using var content = File.OpenRead(upload.Path);
            var result = await intake.AcceptAsync(client,
                new IntakeRequest(studyId, accepted.Metadata, accepted.Kind, upload.FileName, contentType, upload.Size, upload.Sha256), content, ct);

            var body = new
            {
                recordingId = result.Recording.Id,
                statusUrl = ApiRoutes.RecordingUrl(result.Recording.Id),
                duplicate = result.Duplicate,
                source = result.Recording.Source,
            };
            return result.Duplicate
                ? TypedResults.Ok(body)
                : TypedResults.Accepted(ApiRoutes.RecordingUrl(result.Recording.Id), body);
        }
    }

    public async Task<IResult> GetAsync(HttpRequest request, string recordingId, DurableTaskClient client, CancellationToken ct)
    {
        var (_, denied) = auth.Require(request, WorkflowRoles.All);
        if (denied is not null) return denied;
        var recording = await stores.Recordings.GetAsync(recordingId, ct);
        if (recording is null) return UnknownRecording(recordingId);
        // Inputs and outputs are ids and counts only; asking for them is what brings the custom status.
        var instance = await client.GetInstanceAsync(recordingId, getInputsAndOutputs: true, ct);
        return TypedResults.Ok(new
        {
            recording.Id,
            recording.StudyId,
            recording.Stage,
            recording.Status,
            recording.Progress,
            recording.Error,
            recording.Source,
            recording.FileName,
            recording.SizeBytes,
            recording.DurationSeconds,
            recording.Metadata,
            recording.CreatedAt,
            recording.UpdatedAt,
            orchestration = instance is null ? null : new
            {
                runtimeStatus = instance.RuntimeStatus.ToString(),
                customStatus = instance.SerializedCustomStatus,
                instance.LastUpdatedAt,
            },
            transcriptUrl = ApiRoutes.RecordingUrl(recordingId) + "/transcript",
        });
    }

    public async Task<IResult> ListAsync(HttpRequest request, string studyId, CancellationToken ct)
    {
        var (_, denied) = auth.Require(request, WorkflowRoles.All);
        if (denied is not null) return denied;
        if (await stores.Studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var recordings = await stores.Recordings.ListByStudyAsync(studyId, ct);
        return TypedResults.Ok(recordings.Select(r => new { r.Id, r.Stage, r.Status, r.Progress, r.Error, r.Source, r.CreatedAt, statusUrl = ApiRoutes.RecordingUrl(r.Id) }));
    }

    /// <summary>The verified, coded transcript once finalized; before that, the de-identified draft (marked unverified).</summary>
    public async Task<IResult> GetTranscriptAsync(HttpRequest request, string recordingId, CancellationToken ct)
    {
        var (_, denied) = auth.Require(request, WorkflowRoles.All);
        if (denied is not null) return denied;
        var recording = await stores.Recordings.GetAsync(recordingId, ct);
        if (recording is null) return UnknownRecording(recordingId);
        var final = await stores.Documents.GetFinalAsync(recording.StudyId, recordingId, ct);
        if (final is not null) return TypedResults.Ok(new { verified = true, transcript = final });
        var draft = await stores.Documents.GetDeidentifiedAsync(recording.StudyId, recordingId, ct);
        if (draft is not null) return TypedResults.Ok(new { verified = false, transcript = draft });
        return Problems.NotFound($"Recording '{recordingId}' has no de-identified transcript yet (stage: {recording.Stage}, status: {recording.Status}).");
    }

    private static IResult UnknownRecording(string recordingId) => Problems.NotFound($"There is no recording '{recordingId}'.");
}
