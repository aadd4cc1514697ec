using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Recordings;
using Workflow.Domain.Reprocessing;
using Workflow.Domain.Studies;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// A changed identifier list must reach the recordings already de-identified: after a new version
/// is saved, a de-identification batch over the whole study starts at once (pseudonyms stay, human
/// decisions on unchanged spans stay, changed spans go back to the queue). The request id is the
/// list version, so the same version never starts two batches. <c>?reprocess=none</c> leaves it to the
/// lead (several edits in a row, then one batch).
/// </summary>
public sealed class IdentifierListReprocessor(RecordingRepository recordings, BatchStarter batches, StudyBatchLocks locks, TimeProvider time)
{
    public async Task<IdentifierListReprocess?> AfterChangeAsync(ApiCall call, Study study, int listVersion)
    {
        if (string.Equals(call.Request.Query["reprocess"], "none", StringComparison.OrdinalIgnoreCase))
            return new IdentifierListReprocess(false, null, null, $"Not started (?reprocess=none): {ManualStart(study.Id)}");
        var all = await recordings.ListByStudyAsync(study.Id, call.Cancellation);
        // Recordings still before de-identification read the new list when they get there; any at or
        // past it (also while still running: coding, finalising) need the batch, which waits for running ones.
        if (!all.Any(r => r.Status != RecordingStatus.Deleting && (r.Status != RecordingStatus.Running || r.Stage >= PipelineStage.Deidentifying))) return null;

        var requestId = $"identifier-list-v{listVersion}";
        var result = await batches.StartAsync(call, study, ReprocessStage.Deidentification, ReprocessScope.WholeStudy, requestId);
        if (result is ProblemHttpResult { StatusCode: StatusCodes.Status409Conflict } && await locks.HolderAsync(study.Id, call.Cancellation) is { } holder)
        {
            // Another batch runs: this one waits for it and starts when it ends (a newer list version replaces it).
            var pending = new PendingBatch(study.Id, requestId, ReprocessStage.Deidentification, call.Caller.UserId, listVersion, time.GetUtcNow());
            await locks.SetPendingAsync(pending, call.Cancellation);
            // The running batch may have ended between the refusal and the row: then nobody would start it.
            result = await batches.StartAsync(call, study, ReprocessStage.Deidentification, ReprocessScope.WholeStudy, requestId);
            if (result is Accepted<ReprocessAcceptedResponse>) await locks.TakePendingAsync(study.Id, requestId, call.Cancellation);
            else return new IdentifierListReprocess(false, null, null,
                $"Batch '{holder}' is running for this study; the de-identification batch for list version {listVersion} starts by itself when it ends.", Queued: true);
        }
        return result switch
        {
            Accepted<ReprocessAcceptedResponse> { Value: { } started } => new IdentifierListReprocess(true, started.OperationId, started.StatusUrl, null),
            ProblemHttpResult problem => new IdentifierListReprocess(false, null, null, $"{problem.ProblemDetails.Detail} {ManualStart(study.Id)}"),
            _ => new IdentifierListReprocess(false, null, null, ManualStart(study.Id)),
        };
    }

    private static string ManualStart(string studyId) =>
        $"Re-de-identify with POST /api/studies/{studyId}/reprocess {{\"stage\": \"deidentification\"}}.";
}
