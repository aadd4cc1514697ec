using Workflow.Domain.Studies;

namespace Workflow.Domain.Coding;

/// <summary>Checks that a submitted codebook is a well-formed two-level framework.</summary>
public static class CodebookValidator
{
    /// <summary>
    /// Most entries (themes and codes) a codebook may hold. Real frameworks have tens to hundreds;
    /// every segment of every later recording is scored against each code, and coders pick from them.
    /// </summary>
    public const int MaxCodes = 2000;

    /// <summary>All problems with <paramref name="draft"/>; empty when it is valid.</summary>
    public static IReadOnlyList<string> Validate(CodebookDraft draft)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.Name)) errors.Add("name is required.");
        if (draft.Codes is null || draft.Codes.Count == 0)
        {
            errors.Add("codes must list at least one theme and one code.");
            return errors;
        }
        if (draft.Codes.Count > MaxCodes)
        {
            // Alone and early: thousands of entries would otherwise bring thousands of messages.
            errors.Add($"codes lists {draft.Codes.Count} entries; a codebook may hold at most {MaxCodes} themes and codes.");
            return errors;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, i) in draft.Codes.Select((c, i) => (c, i)))
        {
            var where = $"codes[{i}]";
            if (code is null) { errors.Add($"{where} is null."); continue; }
            if (!IsCodeId(code.Id)) errors.Add($"{where}.id must be 1-64 letters, digits, '_' or '-'.");
            else if (!ids.Add(code.Id)) errors.Add($"{where}.id '{code.Id}' is used more than once.");
            if (string.IsNullOrWhiteSpace(code.Name)) errors.Add($"{where}.name is required.");
            if (string.IsNullOrWhiteSpace(code.Definition)) errors.Add($"{where}.definition is required.");
            if (code.Level is not (1 or 2)) errors.Add($"{where}.level must be 1 (theme) or 2 (code).");
            if (code.Level == 1 && code.Parent is not null) errors.Add($"{where}: a level-1 theme has no parent.");
            if (code.Level == 2 && string.IsNullOrWhiteSpace(code.Parent)) errors.Add($"{where}: a level-2 code needs a parent theme.");
        }

        var themes = draft.Codes.Where(c => c is { Level: 1 }).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, i) in draft.Codes.Select((c, i) => (c, i)))
            if (code is { Level: 2, Parent: { } parent } && !themes.Contains(parent))
                errors.Add($"codes[{i}].parent '{parent}' is not a level-1 theme of this codebook.");
        if (!draft.Codes.Any(c => c is { Level: 2 })) errors.Add("codes must include at least one level-2 code.");
        return errors;
    }

    private static bool IsCodeId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>Gives a validated draft its version.</summary>
    public static Codebook ToCodebook(CodebookDraft draft, string studyId, int version, DateTimeOffset now)
    {
        if (!StudyIds.IsValid(studyId)) throw new ArgumentException("Invalid study id.", nameof(studyId));
        return new Codebook(studyId, version, draft.Name!.Trim(), draft.Codes!, now);
    }
}
