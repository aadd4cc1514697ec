namespace Workflow.Orchestrations.Contracts;

/// <summary>A batch's custom status while it runs: counts only.</summary>
public sealed record BatchProgress(int Total, int Done, int Failed, int Running, int Queued, int Skipped, bool CancelRequested);
