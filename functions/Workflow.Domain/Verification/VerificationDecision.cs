using System.Text.Json.Serialization;

namespace Workflow.Domain.Verification;

/// <summary>
/// A decision on one item. <see cref="CodeIds"/> holds the replacement codes of an Edit.
/// <see cref="Teach"/> records what the coder taught the study with a redaction decision.
/// <see cref="CorrectedText"/> is a transcript check's corrected passage, already de-identified
/// (labels in place of names) before it was stored.
/// </summary>
public sealed record VerificationDecision(
    DecisionAction Action,
    IReadOnlyList<string>? CodeIds,
    string? Note,
    string DecidedBy,
    DateTimeOffset DecidedAt,
    RedactionTeaching Teach = RedactionTeaching.None,
    string? CorrectedText = null);

/// <summary>What a redaction decision teaches the study, beyond this one transcript.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RedactionTeaching>))]
public enum RedactionTeaching
{
    /// <summary>This transcript only.</summary>
    None,

    /// <summary>A confirmed finding joins the study's identifier list, so later transcripts redact it with certainty.</summary>
    AddToStudyList,

    /// <summary>An undone finding is marked as not identifying in this study, so detectors stop flagging it.</summary>
    NotIdentifying,
}
