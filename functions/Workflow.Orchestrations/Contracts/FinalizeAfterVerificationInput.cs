namespace Workflow.Orchestrations.Contracts;

/// <summary>Input of <see cref="Reprocessing.FinalizeAfterVerificationOrchestrator"/>.</summary>
public sealed record FinalizeAfterVerificationInput(string StudyId, string RecordingId, TimeSpan Recheck, string WaitingInstanceId)
{
    public RecordingRef Ref => new(StudyId, RecordingId);
}

/// <summary>Input of the activity that starts an orchestration nobody waits for.</summary>
public sealed record StartOrchestrationInput(string Orchestrator, string InstanceId, FinalizeAfterVerificationInput Input);

/// <summary>Input of the activity that releases a study's batch lock.</summary>
public sealed record BatchLockInput(string StudyId, string BatchId);
