namespace Workflow.Domain.Reprocessing;

/// <summary>The recordings a batch will re-run, and those in scope it leaves alone with the reason.</summary>
public sealed record ReprocessSelection(IReadOnlyList<string> Eligible, IReadOnlyList<SkippedCandidate> Skipped);

/// <summary>A recording in scope that the batch does not touch, and why (no transcript text).</summary>
/// <summary>
/// <see cref="Busy"/>: skipped only because it is running right now (a finaliser, a first pass), so a
/// batch looks at it again before it ends.
/// </summary>
public sealed record SkippedCandidate(string RecordingId, string Reason, bool Busy = false);
