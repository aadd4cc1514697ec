namespace Workflow.Orchestrations.Contracts;

/// <summary>How many recordings a batch re-runs and skips; the lists themselves are in <see cref="Storage.StudyBatchRecords"/>.</summary>
public sealed record BatchPlanSummary(int Eligible, int Skipped);

/// <summary>A recording to re-run: ids and the name of its stored upload, no content.</summary>
public sealed record RerunTarget(string RecordingId, Domain.Recordings.SourceKind Source, string BlobName, string FileName);

/// <summary>Input of the activity that reads the next targets of a batch.</summary>
public sealed record BatchSliceInput(string BatchId, int From, int Count);

/// <summary>Input of the activity that records what a recording's re-run came to.</summary>
public sealed record BatchResultInput(string BatchId, RerunOutcome Outcome);
