namespace Workflow.Orchestrations.Contracts;

/// <summary>What went into the final transcript.</summary>
public sealed record FinalizeSummary(int Utterances, int CodedSegments, int AppliedCodes, int RedactionsUndone);
