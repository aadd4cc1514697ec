using System.Text;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Results;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Exports;

/// <summary>
/// Puts the words back behind a verified transcript's labels, for an identifiable export a lead asked
/// for. The final text is the original with each kept redaction's span replaced by its label, so the
/// original utterances are the identifiable text; what this works out is where each coded segment
/// falls in them. It first proves the three inputs agree (labels replaced by the key's words give the
/// original text exactly): a transcript re-made since it was verified is refused, never half restored.
/// Pure.
/// </summary>
public static class Reidentification
{
    /// <summary>The identifiable transcript, or why it cannot be made (<see cref="Restored.Problem"/>).</summary>
    public sealed record Restored(FinalTranscript? Transcript, string? Problem);

    public static Restored Restore(FinalTranscript final, Transcript original, IReadOnlyList<RedactionKeyEntry> key)
    {
        var words = key.ToDictionary(k => k.RedactionId, k => k.OriginalText, StringComparer.Ordinal);
        var originals = original.Utterances.ToDictionary(u => u.Index);
        if (final.Redactions.FirstOrDefault(r => !words.ContainsKey(r.Id)) is { } unknown)
            return Refused($"its redaction {unknown.Id} is not in the pseudonym key");

        var byUtterance = final.Redactions.ToLookup(r => r.UtteranceIndex);
        var utterances = new List<Utterance>(final.Utterances.Count);
        foreach (var utterance in final.Utterances)
        {
            if (!originals.TryGetValue(utterance.Index, out var source))
                return Refused($"utterance {utterance.Index} is not in the original transcript");
            var spans = byUtterance[utterance.Index].OrderBy(r => r.Start).ToList();
            if (!string.Equals(Substitute(utterance.Text, spans, words), source.Text, StringComparison.Ordinal))
                return Refused($"utterance {utterance.Index} differs from the original transcript");
            utterances.Add(source);
        }

        var segments = final.Segments.Select(s =>
        {
            var spans = byUtterance[s.UtteranceIndex].ToList();
            return s with
            {
                Start = Move(s.Start, spans, words, atEnd: false),
                End = Move(s.End, spans, words, atEnd: true),
                Speaker = originals[s.UtteranceIndex].Speaker,
            };
        }).ToList();
        // No labels are left, so there are no redactions to show.
        return new Restored(final with { Utterances = utterances, Redactions = [], Segments = segments }, null);

        Restored Refused(string why) => new(null, $"Recording '{final.RecordingId}' cannot be re-identified: {why}; it was changed after it was verified (let running work finish and finalise it again).");
    }

    /// <summary>The text with each label replaced by its words; null when a redaction does not stand where it says.</summary>
    private static string? Substitute(string text, List<Redaction> spans, Dictionary<string, string> words)
    {
        var sb = new StringBuilder(text.Length);
        var cursor = 0;
        foreach (var r in spans)
        {
            if (r.Start < cursor || r.End > text.Length || !text.AsSpan(r.Start, r.End - r.Start).SequenceEqual(r.Label)) return null;
            sb.Append(text, cursor, r.Start - cursor).Append(words[r.Id]);
            cursor = r.End;
        }
        return sb.Append(text, cursor, text.Length - cursor).ToString();
    }

    /// <summary>
    /// An offset in the labelled text moved to the original: past every label before it, each replaced
    /// by its words. A boundary inside a label takes in the whole of the words.
    /// </summary>
    private static int Move(int offset, List<Redaction> spans, Dictionary<string, string> words, bool atEnd)
    {
        var moved = offset;
        foreach (var r in spans)
        {
            var growth = words[r.Id].Length - (r.End - r.Start);
            if (r.End <= offset) moved += growth;
            else if (r.Start < offset) moved = atEnd ? moved + growth + (r.End - offset) : moved - (offset - r.Start);
        }
        return moved;
    }
}
