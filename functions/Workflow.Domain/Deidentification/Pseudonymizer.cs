using System.Text;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Deidentification;

/// <summary>
/// Replaces findings with the study's pseudonyms. Pure: the same transcript, findings and registry
/// give the same output, which is what lets the de-identification activity be re-run safely.
/// </summary>
public static class Pseudonymizer
{
    /// <summary>
    /// De-identifies <paramref name="transcript"/>. Overlapping findings keep the longest span.
    /// Findings whose redaction id is in <paramref name="undone"/> (a coder said "not an identifier")
    /// are left as spoken. Findings with confidence below <paramref name="confirmBelow"/> are redacted
    /// but marked for confirmation: privacy errs on the side of redacting.
    /// </summary>
    public static DeidentificationResult Apply(
        Transcript transcript,
        string studyId,
        int identifierListVersion,
        IReadOnlyList<IdentifierFinding> findings,
        PseudonymRegistry registry,
        double confirmBelow,
        IReadOnlySet<string>? undone = null)
    {
        var byUtterance = findings
            .Where(f => undone is null || !undone.Contains(RedactionId(f)))
            .ToLookup(f => (f.UtteranceIndex, f.Field));
        var utterances = new List<Utterance>(transcript.Utterances.Count);
        var redactions = new List<Redaction>();
        var key = new List<RedactionKeyEntry>();

        foreach (var utterance in transcript.Utterances)
        {
            var speakerSpans = SelectNonOverlapping(byUtterance[(utterance.Index, FindingField.Speaker)], utterance.Speaker.Length);
            var textSpans = SelectNonOverlapping(byUtterance[(utterance.Index, FindingField.Text)], utterance.Text.Length);
            var speaker = Replace(utterance.Speaker, speakerSpans, registry, confirmBelow, null, key);
            var text = Replace(utterance.Text, textSpans, registry, confirmBelow, redactions, key);
            var words = RedactWords(utterance, textSpans, registry);
            utterances.Add(utterance with { Speaker = speaker, Text = text, Words = words });
        }

        var deidentified = new DeidentifiedTranscript(transcript.RecordingId, studyId, identifierListVersion, utterances, redactions);
        return new DeidentificationResult(deidentified, key);
    }

    /// <summary>A redaction's id depends only on where the original span stood, so re-runs agree on it.</summary>
    public static string RedactionId(IdentifierFinding f) =>
        $"r{f.UtteranceIndex}{(f.Field == FindingField.Speaker ? "s" : "")}-{f.Start}-{f.End}";

    private static List<IdentifierFinding> SelectNonOverlapping(IEnumerable<IdentifierFinding> findings, int textLength)
    {
        var chosen = new List<IdentifierFinding>();
        var ordered = findings
            .Where(f => f.Start >= 0 && f.End <= textLength && f.Start < f.End)
            .OrderByDescending(f => f.Length).ThenByDescending(f => f.Confidence).ThenBy(f => f.Start);
        foreach (var f in ordered)
            if (!chosen.Any(c => c.Start < f.End && f.Start < c.End)) chosen.Add(f);
        chosen.Sort((a, b) => a.Start.CompareTo(b.Start));
        return chosen;
    }

    private static string Replace(
        string original,
        List<IdentifierFinding> spans,
        PseudonymRegistry registry,
        double confirmBelow,
        List<Redaction>? redactions,
        List<RedactionKeyEntry> key)
    {
        if (spans.Count == 0) return original;
        var sb = new StringBuilder(original.Length);
        var cursor = 0;
        foreach (var f in spans)
        {
            sb.Append(original, cursor, f.Start - cursor);
            var label = registry.GetOrAssign(f.Kind, f.EntityKey);
            var id = RedactionId(f);
            redactions?.Add(new Redaction(id, f.UtteranceIndex, sb.Length, sb.Length + label.Length, f.Kind, label,
                f.Confidence, f.Recognizer, f.Confidence < confirmBelow));
            key.Add(new RedactionKeyEntry(id, f.UtteranceIndex, f.Start, f.End, original[f.Start..f.End]));
            sb.Append(label);
            cursor = f.End;
        }
        sb.Append(original, cursor, original.Length - cursor);
        return sb.ToString();
    }

    /// <summary>
    /// Word timings survive de-identification with identifying words replaced by their label
    /// (consecutive words of one span become one timed token). If the words cannot be aligned with
    /// the text, they are dropped rather than risk passing an identifier through.
    /// </summary>
    private static IReadOnlyList<Word> RedactWords(Utterance utterance, List<IdentifierFinding> spans, PseudonymRegistry registry)
    {
        if (utterance.Words.Count == 0 || spans.Count == 0) return utterance.Words;
        var result = new List<Word>(utterance.Words.Count);
        IdentifierFinding? current = null;
        var cursor = 0;
        foreach (var word in utterance.Words)
        {
            var at = utterance.Text.IndexOf(word.Text, cursor, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return [];
            cursor = at + word.Text.Length;
            var span = spans.FirstOrDefault(s => s.Start < cursor && at < s.End);
            if (span is null)
            {
                current = null;
                result.Add(word);
            }
            else if (ReferenceEquals(span, current))
            {
                result[^1] = result[^1] with { EndSeconds = word.EndSeconds, Confidence = Math.Min(result[^1].Confidence, word.Confidence) };
            }
            else
            {
                current = span;
                result.Add(word with { Text = registry.GetOrAssign(span.Kind, span.EntityKey) });
            }
        }
        return result;
    }
}
