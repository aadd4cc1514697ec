namespace Workflow.Domain.Deidentification;

/// <summary>
/// The identifiable half of a redaction: the original text and where it stood. Stored only in the
/// identifiable store (the per-recording part of the pseudonym key).
/// </summary>
public sealed record RedactionKeyEntry(string RedactionId, int UtteranceIndex, int OriginalStart, int OriginalEnd, string OriginalText);
