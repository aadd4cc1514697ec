namespace Workflow.Domain.Coding;

/// <summary>The words in a segment that made an engine propose a code; offsets are relative to the segment text.</summary>
public sealed record EvidenceSpan(int Start, int End, string Text);
