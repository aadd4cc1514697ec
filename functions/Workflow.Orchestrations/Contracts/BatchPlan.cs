namespace Workflow.Orchestrations.Contracts;

/// <summary>The recordings a batch re-runs (with what each needs to start), and those it skips.</summary>
public sealed record BatchPlan(IReadOnlyList<RerunTarget> Eligible, IReadOnlyList<SkippedRecording> Skipped);

/// <summary>A recording to re-run: ids and the name of its stored upload, no content.</summary>
public sealed record RerunTarget(string RecordingId, Domain.Recordings.SourceKind Source, string BlobName, string FileName);
