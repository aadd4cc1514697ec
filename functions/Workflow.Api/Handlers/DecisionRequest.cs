using Workflow.Domain.Verification;

namespace Workflow.Api.Handlers;

/// <summary>
/// Body of <c>POST /api/queue/items/{itemId}/decision</c>. With a redaction, <see cref="AddToStudyList"/>
/// (with confirm) or <see cref="NotIdentifying"/> (with undo) makes the decision apply to the study's
/// later transcripts too. With a transcript check's <c>correct</c>, <see cref="CorrectedText"/> is the
/// passage as spoken (de-identified before it is stored).
/// </summary>
public sealed record DecisionRequest(DecisionAction? Action, IReadOnlyList<string>? CodeIds, string? Note, bool? AddToStudyList = null, bool? NotIdentifying = null,
    string? CorrectedText = null)
{
    public RedactionTeaching Teach => AddToStudyList == true ? RedactionTeaching.AddToStudyList
        : NotIdentifying == true ? RedactionTeaching.NotIdentifying
        : RedactionTeaching.None;

    /// <summary>The problem detail when no action is given.</summary>
    public const string ActionRequired = "action is required: accept, reject or edit (codes); confirm or undo (redactions); confirm or correct (transcript checks, correct with correctedText).";
}
