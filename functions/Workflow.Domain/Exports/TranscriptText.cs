using System.Globalization;
using System.Text;
using Workflow.Domain.Results;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Exports;

/// <summary>
/// A final transcript as one plain text, the form every export shows it in: a line per utterance,
/// <c>[hh:mm:ss] Speaker: text</c> (no time for untimed imports). Maps segments to positions in it.
/// </summary>
public sealed class TranscriptText
{
    private readonly Dictionary<int, (Utterance Utterance, int Utf16Start, int CodePointStart)> _utterances = [];

    private TranscriptText(FinalTranscript transcript)
    {
        var text = new StringBuilder();
        var codePoints = 0;
        foreach (var utterance in transcript.Utterances)
        {
            var prefix = LinePrefix(utterance);
            text.Append(prefix);
            codePoints += CodePoints.Count(prefix);
            _utterances.TryAdd(utterance.Index, (utterance, text.Length, codePoints));
            text.Append(utterance.Text).Append('\n');
            codePoints += CodePoints.Count(utterance.Text) + 1;
        }
        Text = text.ToString();
    }

    /// <summary>The whole text (LF line ends).</summary>
    public string Text { get; }

    public static TranscriptText Of(FinalTranscript transcript) => new(transcript);

    /// <summary>What precedes an utterance's words on its line.</summary>
    public static string LinePrefix(Utterance utterance) =>
        utterance.StartSeconds is { } start ? $"[{Clock(start)}] {utterance.Speaker}: " : $"{utterance.Speaker}: ";

    /// <summary>Seconds as hh:mm:ss.</summary>
    public static string Clock(double seconds) =>
        TimeSpan.FromSeconds(Math.Max(0, Math.Floor(seconds))).ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture);

    /// <summary>Start and end of <paramref name="segment"/> in <see cref="Text"/>, in Unicode code points; null when its utterance is missing.</summary>
    public (int Start, int End)? CodePointRange(CodedSegment segment)
    {
        if (!_utterances.TryGetValue(segment.UtteranceIndex, out var u)) return null;
        var (start, end) = Bounds(u.Utterance.Text, segment);
        var text = u.Utterance.Text.AsSpan();
        var first = u.CodePointStart + CodePoints.Count(text[..start]);
        return (first, first + CodePoints.Count(text[start..end]));
    }

    /// <summary>The words of <paramref name="segment"/> (empty when its utterance is missing).</summary>
    public string SegmentText(CodedSegment segment)
    {
        if (!_utterances.TryGetValue(segment.UtteranceIndex, out var u)) return "";
        var (start, end) = Bounds(u.Utterance.Text, segment);
        return u.Utterance.Text[start..end];
    }

    /// <summary>The utterance a segment lies in, or null.</summary>
    public Utterance? UtteranceOf(CodedSegment segment) =>
        _utterances.TryGetValue(segment.UtteranceIndex, out var u) ? u.Utterance : null;

    // Stored offsets are trusted but clamped: a bad one must not end an export with an exception.
    private static (int Start, int End) Bounds(string text, CodedSegment segment)
    {
        var start = CodePoints.Clamp(text, segment.Start);
        return (start, Math.Max(start, CodePoints.Clamp(text, segment.End)));
    }
}
