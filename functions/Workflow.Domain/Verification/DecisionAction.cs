using System.Text.Json.Serialization;

namespace Workflow.Domain.Verification;

/// <summary>
/// A coder's verdict. Accept/Reject/Edit apply to code suggestions; Confirm/Undo to redactions;
/// Confirm/Correct to transcript checks (Correct with the corrected text).
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionAction>))]
public enum DecisionAction
{
    Accept,
    Reject,
    Edit,
    Confirm,
    Undo,
    Correct,
}
