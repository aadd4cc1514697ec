using System.Text.RegularExpressions;

namespace Workflow.Domain.Studies;

/// <summary>
/// Participant ids must be study codes, never names. A study may set its own pattern (for example
/// <c>^P[0-9]{3}$</c>); without one, an id is up to four letters, one to six digits and up to two
/// letters ("P017", "FG2", "SU104b"), which refuses "Darren" and "Darren1".
/// </summary>
public static class ParticipantIds
{
    public const string DefaultPattern = "^[A-Za-z]{0,4}[0-9]{1,6}[A-Za-z]{0,2}$";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>True when <paramref name="id"/> matches the study's pattern (or the default).</summary>
    public static bool IsValid(string id, string? pattern)
    {
        // '$' also matches before a final newline: no pattern may let whitespace or control characters through.
        if (id.Length is < 1 or > 32 || id.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return false;
        try
        {
            return Regex.IsMatch(id, pattern ?? DefaultPattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    /// <summary>Why a lead's pattern is unusable, or null when it is fine.</summary>
    public static string? CheckPattern(string pattern)
    {
        if (pattern.Length > 200) return "participantIdPattern is longer than 200 characters.";
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return "participantIdPattern is not a valid regular expression.";
        }
        if (!pattern.StartsWith('^') || !pattern.EndsWith('$')) return "participantIdPattern must be anchored (start with ^ and end with $).";
        return IsValid("Darren", pattern) ? "participantIdPattern accepts a plain name such as 'Darren'; require digits." : null;
    }
}
