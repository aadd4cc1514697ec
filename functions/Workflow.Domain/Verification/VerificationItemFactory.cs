using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;

namespace Workflow.Domain.Verification;

/// <summary>
/// Builds the verification items for a recording: one per redaction that needs confirmation, one
/// per proposed code and one per doubtful passage of a recognised transcript. Item ids are derived from what they verify, so building them twice gives the
/// same ids and queuing is idempotent. Items are ordered by doubt (<see cref="DoubtPriority"/>).
/// </summary>
public static class VerificationItemFactory
{
    private const int ContextRadius = 240;

    public static IEnumerable<VerificationItem> ForRedactions(
        DeidentifiedTranscript transcript,
        IReadOnlyList<RedactionKeyEntry> key,
        Func<string, string> itemId,
        DateTimeOffset now)
    {
        var originals = key.ToDictionary(k => k.RedactionId, k => k.OriginalText);
        foreach (var redaction in transcript.Redactions.Where(r => r.NeedsConfirmation))
        {
            var text = transcript.Utterances.First(u => u.Index == redaction.UtteranceIndex).Text;
            yield return new VerificationItem(itemId("r-" + redaction.Id), transcript.StudyId, transcript.RecordingId,
                VerificationItemKind.Redaction, Excerpt(text, redaction.Start, redaction.End), redaction,
                originals.GetValueOrDefault(redaction.Id), null, VerificationItemStatus.Pending, null, null, null, now,
                DoubtPriority.Of(redaction.Confidence));
        }
    }

    public static IEnumerable<VerificationItem> ForSuggestions(
        string studyId,
        string recordingId,
        IReadOnlyList<Segment> segments,
        IReadOnlyList<CodeSuggestion> suggestions,
        Func<string, string> itemId,
        DateTimeOffset now)
    {
        var byId = segments.ToDictionary(s => s.Id);
        foreach (var suggestion in suggestions)
        {
            if (!byId.TryGetValue(suggestion.SegmentId, out var segment)) continue;
            yield return new VerificationItem(itemId($"c{suggestion.CodebookVersion}-{segment.Id}-{suggestion.CodeId}"), studyId, recordingId,
                VerificationItemKind.CodeSuggestion, segment.Text, null, null, suggestion,
                VerificationItemStatus.Pending, null, null, null, now, DoubtPriority.Of(suggestion.Confidence));
        }
    }

    /// <summary>
    /// One transcript check per passage <see cref="TranscriptCheckFinder"/> finds. The context is the
    /// passage's de-identified text (labels stay labels), never the recognised words themselves. Ids
    /// name the turn and words, so the same passage gets the same id on a re-run.
    /// </summary>
    public static IEnumerable<VerificationItem> ForTranscriptChecks(
        DeidentifiedTranscript transcript,
        TranscriptCheckOptions options,
        Func<string, string> itemId,
        DateTimeOffset now)
    {
        var byIndex = transcript.Utterances.ToDictionary(u => u.Index);
        foreach (var passage in TranscriptCheckFinder.Find(transcript, options))
        {
            var text = byIndex[passage.UtteranceIndex].Text[passage.Start..passage.End];
            yield return new VerificationItem(itemId($"t-{passage.UtteranceIndex}-{passage.FirstWord}-{passage.LastWord}"), transcript.StudyId,
                transcript.RecordingId, VerificationItemKind.TranscriptCheck, text, null, null, null, VerificationItemStatus.Pending,
                null, null, null, now, DoubtPriority.OfLowConfidence(passage.MeanConfidence), Passage: passage);
        }
    }

    /// <summary>The text around a span, cut at word boundaries, so a coder sees enough to judge it.</summary>
    public static string Excerpt(string text, int start, int end)
    {
        var from = Math.Max(0, start - ContextRadius);
        var to = Math.Min(text.Length, end + ContextRadius);
        // Bounded by the span: text without whitespace (a long URL, a script written without spaces)
        // would otherwise run the cursors off the ends of the string.
        while (from > 0 && from < start && !char.IsWhiteSpace(text[from - 1])) from++;
        while (to < text.Length && to > end && !char.IsWhiteSpace(text[to])) to--;
        return (from > 0 ? "… " : "") + text[from..to] + (to < text.Length ? " …" : "");
    }
}
