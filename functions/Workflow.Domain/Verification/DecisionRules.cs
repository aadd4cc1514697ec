using Workflow.Domain.Coding;

namespace Workflow.Domain.Verification;

/// <summary>Which decisions are valid for which items.</summary>
public static class DecisionRules
{
    /// <summary>Longest memo kept with a decision: a paragraph or two, not a document.</summary>
    public const int MaxNoteLength = 4_000;

    /// <summary>Most codes one edit may apply to one segment.</summary>
    public const int MaxEditedCodes = 20;

    /// <summary>
    /// Longest corrected passage. A passage is at most a few dozen words, but a coder listening may
    /// hear much more than the recogniser wrote down (a mumbled stretch it skipped), so the bound is
    /// generous, the same as a memo's.
    /// </summary>
    public const int MaxCorrectionLength = 4_000;

    /// <summary>The decisions that apply to an item of <paramref name="kind"/>.</summary>
    public static IReadOnlyList<DecisionAction> AllowedFor(VerificationItemKind kind) => kind switch
    {
        VerificationItemKind.Redaction => [DecisionAction.Confirm, DecisionAction.Undo],
        VerificationItemKind.TranscriptCheck => [DecisionAction.Confirm, DecisionAction.Correct],
        _ => [DecisionAction.Accept, DecisionAction.Reject, DecisionAction.Edit],
    };

    /// <summary>Problems with applying <paramref name="action"/> to <paramref name="item"/>; empty when valid.</summary>
    public static IReadOnlyList<string> Validate(VerificationItem item, DecisionAction action, IReadOnlyList<string>? codeIds, Codebook? codebook,
        RedactionTeaching teach = RedactionTeaching.None, string? note = null, string? correctedText = null)
    {
        var errors = new List<string>();
        if (note is { Length: > MaxNoteLength })
            errors.Add($"The memo is {note.Length:N0} characters long; at most {MaxNoteLength:N0} are kept with a decision.");
        if (codeIds is { Count: > MaxEditedCodes })
            errors.Add($"An edit may apply at most {MaxEditedCodes} codes; {codeIds.Count} were given.");
        var allowed = AllowedFor(item.Kind);
        if (!allowed.Contains(action))
            errors.Add($"'{action}' does not apply to a {item.Kind} item; use one of: {string.Join(", ", allowed)}.");
        if (action == DecisionAction.Edit)
        {
            if (codeIds is null || codeIds.Count == 0) errors.Add("An edit must give codeIds: the codes that apply instead.");
            else if (codebook is null) errors.Add("The study has no codebook to check the edited codes against.");
            else
                foreach (var id in codeIds.Where(id => codebook.Find(id) is not { IsApplicable: true }))
                    errors.Add($"'{id}' is not a level-2 code of codebook version {codebook.Version}.");
        }
        else if (codeIds is { Count: > 0 })
        {
            errors.Add("codeIds are only given with an edit.");
        }
        if (action == DecisionAction.Correct)
        {
            if (string.IsNullOrWhiteSpace(correctedText))
                errors.Add("A correction must give correctedText: the passage as it was spoken.");
            else if (correctedText.Length > MaxCorrectionLength)
                errors.Add($"The corrected text is {correctedText.Length:N0} characters long; at most {MaxCorrectionLength:N0} are kept.");
            else if (correctedText.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
                errors.Add("The corrected text contains control characters.");
        }
        else if (correctedText is not null)
        {
            errors.Add("correctedText is only given with a correction.");
        }
        if (teach == RedactionTeaching.AddToStudyList && (item.Kind != VerificationItemKind.Redaction || action != DecisionAction.Confirm))
            errors.Add("addToStudyList goes with confirming a redaction.");
        if (teach == RedactionTeaching.NotIdentifying && (item.Kind != VerificationItemKind.Redaction || action != DecisionAction.Undo))
            errors.Add("notIdentifying goes with undoing a redaction.");
        return errors;
    }
}
