using Workflow.Domain.Deidentification;

namespace Workflow.Storage;

/// <summary>
/// What de-identification found in one recording and the original text behind each label: the
/// per-recording part of the pseudonym key. Identifiable; kept so redactions can be undone and so a
/// lead can re-identify a quote when a participant asks. <see cref="Engine"/> and <see cref="EngineVersion"/>
/// name what found the identifiers (null on records stored before they were kept).
/// </summary>
public sealed record DeidentificationRecord(
    string RecordingId,
    int IdentifierListVersion,
    IReadOnlyList<IdentifierFinding> Findings,
    IReadOnlyList<RedactionKeyEntry> Key,
    string? Engine = null,
    string? EngineVersion = null);
