using System.Globalization;
using Microsoft.DurableTask;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Orchestrations.Deletion;

/// <summary>
/// Ends a deletion: the status row and the study lookup go (the recording is then unknown), and the
/// audit trail records what was erased. A retry after the row went records nothing twice.
/// </summary>
[DurableTask(nameof(CompleteRecordingDeletionActivity))]
public sealed class CompleteRecordingDeletionActivity(RecordingRepository recordings, IAuditTrail audit) : TaskActivity<DeletionOutcome, bool>
{
    public override async Task<bool> RunAsync(TaskActivityContext context, DeletionOutcome input)
    {
        var (study, recording) = (input.Input.StudyId, input.Input.RecordingId);
        if (await recordings.StudyOfAsync(recording, CancellationToken.None) is null) return false;
        var erased = input.Erased;
        await audit.AppendAsync(study, new AuditEntry(input.Input.RequestedBy, AuditAction.RecordingDeleted, recording, new Dictionary<string, string>
        {
            ["reason"] = input.Input.Reason.ToString(),
            ["blobs"] = Count(erased.Blobs),
            ["queueRows"] = Count(erased.QueueRows),
            ["batchRows"] = Count(erased.BatchRows),
            ["retiredPseudonyms"] = Count(erased.RetiredPseudonyms),
            ["orchestrationsPurged"] = Count(input.InstancesPurged),
        }), CancellationToken.None);
        await recordings.DeleteAsync(recording, CancellationToken.None);
        return true;
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);
}
