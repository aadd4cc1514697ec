namespace Workflow.Orchestrations.Contracts;

/// <summary>Input of <see cref="Reprocessing.RecodeRecordingOrchestrator"/>.</summary>
public sealed record RecodeInput(string StudyId, string RecordingId, TimeSpan VerificationRecheck)
{
    public RecordingRef Ref => new(StudyId, RecordingId);
}
