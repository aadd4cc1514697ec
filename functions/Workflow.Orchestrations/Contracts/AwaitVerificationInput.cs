namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Input of <see cref="Verification.AwaitVerificationOrchestrator"/>. <see cref="SignalsSeen"/> is kept
/// for compatibility with instances started by earlier versions; it is no longer used.
/// <see cref="Generation"/> counts continue-as-new restarts (0 for the first), for status and tests.
/// </summary>
public sealed record AwaitVerificationInput(string StudyId, string RecordingId, TimeSpan Recheck, int SignalsSeen = 0, int Generation = 0)
{
    public RecordingRef Ref => new(StudyId, RecordingId);
}
