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
}
