namespace Workflow.Orchestrations.Contracts;

/// <summary>The monitor's custom status: the service's job id, its last known state and how many checks were made (ids and counts only).</summary>
public sealed record CloudTranscriptionStatus(string? JobId, string State, int Checks, DateTime? NextCheckAt);
