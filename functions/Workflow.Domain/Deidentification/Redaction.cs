namespace Workflow.Domain.Deidentification;

/// <summary>
/// Where a label replaced an identifier in the de-identified text. This record carries no original
/// text, so it may travel with the de-identified transcript.
/// </summary>
public sealed record Redaction(
    string Id,
    int UtteranceIndex,
    int Start,
    int End,
    IdentifierKind Kind,
    string Label,
    double Confidence,
    string Recognizer,
    bool NeedsConfirmation);
