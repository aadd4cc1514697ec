namespace Workflow.Orchestrations.Contracts;

/// <summary>Counts from de-identifying one transcript (no identifiers).</summary>
public sealed record DeidentificationSummary(int Redactions, int NeedingConfirmation, int IdentifierListVersion);
