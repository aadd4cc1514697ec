using Workflow.Domain.Verification;

namespace Workflow.Api.Handlers;

/// <summary>
/// Body of <c>POST /api/queue/items/{itemId}/decision</c>. With a redaction, <see cref="AddToStudyList"/>
/// (with confirm) or <see cref="NotIdentifying"/> (with undo) makes the decision apply to the study's
/// later transcripts too.
/// </summary>
public sealed record DecisionRequest(DecisionAction? Action, IReadOnlyList<string>? CodeIds, string? Note, bool? AddToStudyList = null, bool? NotIdentifying = null)
{
    public RedactionTeaching Teach => AddToStudyList == true ? RedactionTeaching.AddToStudyList
        : NotIdentifying == true ? RedactionTeaching.NotIdentifying
        : RedactionTeaching.None;
}
