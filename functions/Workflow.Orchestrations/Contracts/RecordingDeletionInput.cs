namespace Workflow.Orchestrations.Contracts;

/// <summary>Why a recording is being deleted (it goes to the audit trail).</summary>
public enum DeletionReason { Requested, ConsentWithdrawn }

/// <summary>
/// Input of a recording's deletion: ids only. <see cref="SweepDelay"/> is how long after the first
/// erasure the second one runs, to catch what work stopped mid-activity still wrote.
/// </summary>
public sealed record RecordingDeletionInput(string StudyId, string RecordingId, string RequestedBy, DeletionReason Reason, TimeSpan SweepDelay)
{
    /// <summary>The deletion's own instance id; it does not start with the recording id, so purging the recording's instances leaves it be.</summary>
    public static string InstanceIdFor(string recordingId) => $"delete:{recordingId}";

    public RecordingTarget Target => new(StudyId, RecordingId);
}

/// <summary>The recording an activity of a deletion works on.</summary>
public sealed record RecordingTarget(string StudyId, string RecordingId);

/// <summary>What the deletion erased, for the audit trail and the orchestration's output (counts only).</summary>
public sealed record DeletionOutcome(RecordingDeletionInput Input, Storage.ErasureReport Erased, int InstancesPurged);
