namespace Workflow.Domain.Deidentification;

/// <summary>The two halves of de-identifying one transcript: the shareable text and the identifiable key.</summary>
public sealed record DeidentificationResult(DeidentifiedTranscript Transcript, IReadOnlyList<RedactionKeyEntry> Key);
