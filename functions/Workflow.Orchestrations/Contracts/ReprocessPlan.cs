namespace Workflow.Orchestrations.Contracts;

/// <summary>The recordings a batch will process and those it will skip.</summary>
public sealed record ReprocessPlan(IReadOnlyList<string> Eligible, IReadOnlyList<SkippedRecording> Skipped);
