using System.Text.Json.Serialization;

namespace Workflow.Domain.Verification;

/// <summary>What a coder is asked to verify.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VerificationItemKind>))]
public enum VerificationItemKind
{
    /// <summary>An uncertain redaction: confirm it, or undo it if the text is not an identifier.</summary>
    Redaction,
    /// <summary>A proposed code: accept, reject, or edit to other codes.</summary>
    CodeSuggestion,
    /// <summary>
    /// The same proposal judged independently by a second coder (double coding). Its decision never
    /// changes the transcript; it is compared with the first coder's to measure agreement.
    /// </summary>
    SecondCoding,
    /// <summary>Two coders disagreed on a double-coded proposal: a lead decides which codes apply.</summary>
    Reconciliation,
    /// <summary>
    /// A passage the recogniser was unsure of (<see cref="VerificationItem.Passage"/>): a coder listens to
    /// it and confirms the text or corrects it.
    /// </summary>
    TranscriptCheck,
}
