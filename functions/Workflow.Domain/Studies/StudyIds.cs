using System.Text.RegularExpressions;

namespace Workflow.Domain.Studies;

/// <summary>
/// Rules for the ids that appear in storage keys and URLs. Ids are restricted to a safe alphabet so that
/// they can be used as blob path segments and table keys without escaping.
/// </summary>
public static partial class StudyIds
{
    // \z, not $: $ also matches before a trailing newline, which would let "study\n" through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{1,62}\z")]
    private static partial Regex SafeId();

    /// <summary>True when <paramref name="id"/> is 2-63 lower-case letters, digits or hyphens, starting with a letter or digit.</summary>
    public static bool IsValid(string? id) => id is not null && SafeId().IsMatch(id);

    /// <summary>Builds a safe id from a display name ("Drug Treatment UI 2006" -> "drug-treatment-ui-2006").</summary>
    public static string FromName(string name)
    {
        var chars = name.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length > 63) slug = slug[..63].TrimEnd('-');
        return slug.Length >= 2 ? slug : "study-" + slug;
    }
}
