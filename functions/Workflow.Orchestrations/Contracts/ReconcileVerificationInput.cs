using Workflow.Domain.Reprocessing;

namespace Workflow.Orchestrations.Contracts;

/// <summary>Input of the activity that re-queues a re-run recording's items, keeping decisions.</summary>
public sealed record ReconcileVerificationInput(string StudyId, string RecordingId, ReprocessStage Stage, string WaitingInstanceId);

/// <summary>The recording's queue after a re-run: progress, and what was carried over or queued again.</summary>
public sealed record ReconcileSummary(int Decided, int Total, int Carried, int Requeued, int Retired);
