using Workflow.Domain.Deidentification;

namespace Workflow.Storage;

/// <summary>
/// What de-identification found in one recording and the original text behind each label: the
/// per-recording part of the pseudonym key. Identifiable; kept so redactions can be undone and so a
/// lead can re-identify a quote when a participant asks.
/// </summary>
public sealed record DeidentificationRecord(
    string RecordingId,
    int IdentifierListVersion,
    IReadOnlyList<IdentifierFinding> Findings,
    IReadOnlyList<RedactionKeyEntry> Key);
