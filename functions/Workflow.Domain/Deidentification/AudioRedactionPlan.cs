using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Deidentification;

/// <summary>A stretch of a recording to cover with a tone, in seconds from its start.</summary>
public sealed record AudioSpan(double StartSeconds, double EndSeconds)
{
    public double Seconds => EndSeconds - StartSeconds;
}

/// <summary>
/// Where in time a transcript's redactions were spoken, so a de-identified copy of the audio can hide
/// them. The recogniser's words are lined up with the utterance text in order (normalised: case and
/// punctuation aside). The display text can differ from the recognised words (numbers written as
/// digits, punctuation), so where a redaction's words are not all lined up the span runs from the last
/// lined-up word before it to the first one after it, which covers more, never less. A redaction in
/// an utterance with no times at all cannot be placed, and then there is no plan: an audio copy that
/// might still speak a name is not made.
/// </summary>
public static class AudioRedactionPlan
{
    /// <summary>How many following tokens a recognised word may skip to find its place in the text.</summary>
    private const int Lookahead = 4;

    /// <summary>Spans closer than this are covered as one, so a tone does not stutter between two words of a name.</summary>
    private const double JoinGapSeconds = 0.25;

    /// <summary>
    /// The merged spans to cover, each widened by <paramref name="padSeconds"/> (recogniser times are
    /// approximate); null when a redaction cannot be placed in time. An empty list when nothing was redacted.
    /// </summary>
    public static IReadOnlyList<AudioSpan>? Build(Transcript original, IEnumerable<RedactionKeyEntry> redactions, double padSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(padSeconds);
        var spans = new List<AudioSpan>();
        foreach (var group in redactions.GroupBy(r => r.UtteranceIndex))
        {
            if (group.Key < 0 || group.Key >= original.Utterances.Count) return null;
            var utterance = original.Utterances[group.Key];
            var timeline = UtteranceTimeline.Of(utterance);
            if (timeline is null) return null;
            foreach (var redaction in group)
            {
                var (start, end) = timeline.Cover(redaction.OriginalStart, redaction.OriginalEnd);
                spans.Add(new AudioSpan(Math.Max(0, start - padSeconds), end + padSeconds));
            }
        }
        return Merge(spans);
    }

    private static List<AudioSpan> Merge(List<AudioSpan> spans)
    {
        var merged = new List<AudioSpan>();
        foreach (var span in spans.OrderBy(s => s.StartSeconds))
        {
            if (merged.Count > 0 && span.StartSeconds - merged[^1].EndSeconds <= JoinGapSeconds)
                merged[^1] = merged[^1] with { EndSeconds = Math.Max(merged[^1].EndSeconds, span.EndSeconds) };
            else
                merged.Add(span);
        }
        return merged;
    }

    /// <summary>An utterance's word tokens with the times of the recognised words lined up with them.</summary>
    private sealed class UtteranceTimeline
    {
        private readonly List<(int Start, int End, Word? Word)> _tokens;
        private readonly double _start;
        private readonly double _end;

        private UtteranceTimeline(List<(int, int, Word?)> tokens, double start, double end) => (_tokens, _start, _end) = (tokens, start, end);

        public static UtteranceTimeline? Of(Utterance utterance)
        {
            var words = utterance.Words;
            double? start = utterance.StartSeconds ?? (words.Count > 0 ? words[0].StartSeconds : null);
            double? end = utterance.EndSeconds ?? (words.Count > 0 ? words[^1].EndSeconds : null);
            if (start is null || end is null || end < start) return null;

            var tokens = Tokens(utterance.Text).Select(t => (t.Start, t.End, (Word?)null)).ToList();
            var next = 0;
            foreach (var word in words)
            {
                var key = Normalize(word.Text);
                if (key.Length == 0) continue;
                for (var k = next; k < Math.Min(tokens.Count, next + Lookahead); k++)
                {
                    if (!string.Equals(Normalize(utterance.Text[tokens[k].Start..tokens[k].End]), key, StringComparison.Ordinal)) continue;
                    tokens[k] = (tokens[k].Start, tokens[k].End, word);
                    next = k + 1;
                    break;
                }
            }
            return new UtteranceTimeline(tokens, start.Value, end.Value);
        }

        /// <summary>The times of the text from <paramref name="from"/> to <paramref name="to"/> (offsets in the utterance text).</summary>
        public (double Start, double End) Cover(int from, int to)
        {
            var inside = _tokens.Where(t => t.End > from && t.Start < to).ToList();
            if (inside.Count > 0 && inside.All(t => t.Word is not null))
                return (inside.Min(t => t.Word!.StartSeconds), inside.Max(t => t.Word!.EndSeconds));
            // Between the nearest lined-up words on either side (the utterance's bounds when there are none).
            var before = _tokens.LastOrDefault(t => t.Word is not null && t.End <= from).Word?.EndSeconds ?? _start;
            var after = _tokens.FirstOrDefault(t => t.Word is not null && t.Start >= to).Word?.StartSeconds ?? _end;
            return (Math.Min(before, after), Math.Max(before, after));
        }

        private static IEnumerable<(int Start, int End)> Tokens(string text)
        {
            for (var i = 0; i < text.Length;)
            {
                if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || IsInnerApostrophe(text, i))) i++;
                yield return (start, i);
            }
        }

        private static bool IsInnerApostrophe(string text, int i) =>
            text[i] is '\'' or '\u2019' && i + 1 < text.Length && char.IsLetter(text[i + 1]);

        private static string Normalize(string word) =>
            new([.. word.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
    }
}
