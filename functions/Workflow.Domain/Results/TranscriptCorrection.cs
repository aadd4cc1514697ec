using System.Text;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Results;

/// <summary>
/// A coder's corrected passage placed in the final text: the turn, the span of its text the passage
/// covers there, the (already de-identified) text that replaces it, and the passage's times.
/// </summary>
public sealed record TranscriptCorrection(int UtteranceIndex, int Start, int End, string Text, double StartSeconds, double EndSeconds)
{
    /// <summary>Collapses line breaks and runs of spaces: a turn's text is one line.</summary>
    public static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var part in text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
            sb.Append(sb.Length > 0 ? " " : "").Append(part);
        return sb.ToString();
    }
}

/// <summary>
/// Puts corrected passages into turns: the passage's text is replaced, labels (redactions) that stood
/// inside it go with it (a label the coder kept is text in the correction now), later labels and
/// segment offsets move by the change in length, and the passage's recognised words give way to one
/// timed word holding the correction. Overlapping corrections of one turn (which the finder does not
/// make) keep the first. Pure.
/// </summary>
public static class TranscriptCorrections
{
    public static (IReadOnlyList<Utterance> Utterances, IReadOnlyList<Redaction> Redactions, Func<int, int, int> MoveOffset) Apply(
        IReadOnlyList<Utterance> utterances, IReadOnlyList<Redaction> redactions, IEnumerable<TranscriptCorrection> corrections)
    {
        var byTurn = corrections
            .GroupBy(c => c.UtteranceIndex)
            .ToDictionary(g => g.Key, g => NonOverlapping(g, utterances.FirstOrDefault(u => u.Index == g.Key)?.Text.Length ?? 0));
        if (byTurn.Values.All(c => c.Count == 0)) return (utterances, redactions, (_, offset) => offset);

        int Move(int turn, int offset)
        {
            if (!byTurn.TryGetValue(turn, out var list)) return offset;
            var moved = offset;
            foreach (var c in list)
            {
                if (c.End <= offset) moved += c.Text.Length - (c.End - c.Start);
                // Inside a corrected passage: as far into the new text as the old offset was into the old.
                else if (c.Start < offset) moved += Math.Min(offset - c.Start, c.Text.Length) - (offset - c.Start);
            }
            return moved;
        }

        var corrected = utterances.Select(u => byTurn.TryGetValue(u.Index, out var list) && list.Count > 0 ? Correct(u, list) : u).ToList();
        var kept = redactions
            .Where(r => !byTurn.TryGetValue(r.UtteranceIndex, out var list) || !list.Any(c => c.Start < r.End && r.Start < c.End))
            .Select(r => r with { Start = Move(r.UtteranceIndex, r.Start), End = Move(r.UtteranceIndex, r.End) })
            .ToList();
        return (corrected, kept, Move);
    }

    private static List<TranscriptCorrection> NonOverlapping(IEnumerable<TranscriptCorrection> corrections, int textLength)
    {
        var chosen = new List<TranscriptCorrection>();
        foreach (var c in corrections.Where(c => 0 <= c.Start && c.Start <= c.End && c.End <= textLength).OrderBy(c => c.Start))
            if (chosen.Count == 0 || chosen[^1].End <= c.Start) chosen.Add(c);
        return chosen;
    }

    private static Utterance Correct(Utterance utterance, List<TranscriptCorrection> corrections)
    {
        var text = new StringBuilder(utterance.Text.Length);
        var cursor = 0;
        foreach (var c in corrections)
        {
            text.Append(utterance.Text, cursor, c.Start - cursor).Append(c.Text);
            cursor = c.End;
        }
        text.Append(utterance.Text, cursor, utterance.Text.Length - cursor);

        var words = new List<Word>(utterance.Words.Count);
        foreach (var word in utterance.Words)
        {
            // By time: the final words are re-made from the original, so their positions may differ from the checked transcript's.
            var middle = (word.StartSeconds + word.EndSeconds) / 2;
            var within = corrections.FirstOrDefault(c => c.StartSeconds <= middle && middle <= c.EndSeconds);
            if (within is null) words.Add(word);
            else if (words.Count == 0 || words[^1].Text != within.Text || words[^1].StartSeconds != within.StartSeconds)
                words.Add(new Word(within.Text, within.StartSeconds, within.EndSeconds, 1));
        }
        return utterance with { Text = text.ToString(), Words = words };
    }
}
