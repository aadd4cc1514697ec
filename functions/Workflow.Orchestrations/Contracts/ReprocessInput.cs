using System.Text.Json.Serialization;

namespace Workflow.Orchestrations.Contracts;

/// <summary>Batch operations a lead can run over a study.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReprocessOperation>))]
public enum ReprocessOperation
{
    /// <summary>Re-run first-pass coding against the current codebook and re-verify.</summary>
    Recode,
}

/// <summary>Input of <see cref="Reprocessing.ReprocessStudyOrchestrator"/>.</summary>
public sealed record ReprocessInput(string StudyId, ReprocessOperation Operation, string RequestedBy, TimeSpan VerificationRecheck, int MaxParallel = 4);
