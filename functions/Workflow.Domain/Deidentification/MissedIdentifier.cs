namespace Workflow.Domain.Deidentification;

/// <summary>
/// What a coder marks as an identifier the engines missed: words they read in a de-identified
/// transcript. The words join the study's identifier list, so this transcript (through the
/// de-identification batch the list change starts) and every later one redact them. Pure checks only.
/// </summary>
public static class MissedIdentifier
{
    public const int MinLength = 2, MaxLength = 100;

    /// <summary>
    /// Why <paramref name="text"/> cannot be marked in <paramref name="transcript"/> (empty when it can),
    /// and how often it occurs there as whole words. The text must be words the coder actually sees in
    /// this transcript (a coder cannot add arbitrary entries to the list through it) and must not take
    /// in a pseudonym label.
    /// </summary>
    public static (IReadOnlyList<string> Problems, int Occurrences) Check(DeidentifiedTranscript transcript, string? text)
    {
        var words = text?.Trim() ?? "";
        if (words.Length is < MinLength or > MaxLength) return ([$"text must be {MinLength}-{MaxLength} characters: the words as they appear in the transcript."], 0);
        if (words.Any(char.IsControl)) return (["text must be on one line."], 0);
        if (transcript.Redactions.Any(r => words.Contains(r.Label, StringComparison.OrdinalIgnoreCase)) || words.Contains('[') || words.Contains(']'))
            return (["text must not include a pseudonym label: mark only words the engines left in place."], 0);
        var occurrences = transcript.Utterances.Sum(u => WholeWordCount(u.Text, words) + WholeWordCount(u.Speaker, words));
        return occurrences == 0
            ? ([$"The words are not in recording '{transcript.RecordingId}' as de-identified now; select them in the transcript as shown."], 0)
            : ([], occurrences);
    }

    private static int WholeWordCount(string text, string words)
    {
        var count = 0;
        for (var at = text.IndexOf(words, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(words, at + 1, StringComparison.OrdinalIgnoreCase))
            if (!IsWordChar(text, at - 1) && !IsWordChar(text, at + words.Length)) count++;
        return count;
    }

    private static bool IsWordChar(string text, int i) => i >= 0 && i < text.Length && char.IsLetterOrDigit(text[i]);
}
