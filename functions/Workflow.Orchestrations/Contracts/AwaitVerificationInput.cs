namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Input of <see cref="Verification.AwaitVerificationOrchestrator"/>. <see cref="SignalsSeen"/> counts events
/// since the last continue-as-new, which keeps the history short however many items there are.
/// </summary>
public sealed record AwaitVerificationInput(string StudyId, string RecordingId, TimeSpan Recheck, int SignalsSeen = 0)
{
    public RecordingRef Ref => new(StudyId, RecordingId);
}
