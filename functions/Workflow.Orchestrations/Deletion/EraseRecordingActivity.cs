using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Deletion;

/// <summary>Erases the recording's stored data (all but its status row). Idempotent.</summary>
[DurableTask(nameof(EraseRecordingActivity))]
public sealed class EraseRecordingActivity(RecordingEraser eraser, ILogger<EraseRecordingActivity> log) : TaskActivity<RecordingTarget, ErasureReport>
{
    public override async Task<ErasureReport> RunAsync(TaskActivityContext context, RecordingTarget input)
    {
        var report = await eraser.EraseAsync(input.StudyId, input.RecordingId, CancellationToken.None);
        log.LogInformation("Recording {RecordingId}: erased {Blobs} blobs, {QueueRows} queue rows, {BatchRows} batch rows, {Retired} pseudonym entries",
            input.RecordingId, report.Blobs, report.QueueRows, report.BatchRows, report.RetiredPseudonyms);
        return report;
    }
}
