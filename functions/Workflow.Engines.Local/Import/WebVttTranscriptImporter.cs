using System.Text;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Reads WebVTT captions. The speaker comes from <c>&lt;v Name&gt;</c> voice spans, else a
/// <c>Name: text</c> prefix, else "Speaker 1". Consecutive cues of one speaker become one utterance, so
/// caption line-breaking does not fragment speaker turns.
/// </summary>
public sealed class WebVttTranscriptImporter : ITranscriptImporter
{
    /// <summary>Speaker given to cues that name nobody.</summary>
    public const string DefaultSpeaker = "Speaker 1";

    private const string TimingExample = "'00:00:01.000 --> 00:00:04.000'";

    /// <inheritdoc />
    public string Format => "WebVTT";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".vtt"];

    /// <inheritdoc />
    public Transcript Import(string recordingId, Stream content) =>
        TextInput.Read(content, reader =>
        {
            var cues = ReadCues(new LineReader(reader));
            return new Transcript(recordingId, "import:webvtt", Merge(cues));
        });

    private static List<WebVttCue> ReadCues(LineReader lines)
    {
        var header = lines.Next();
        if (header is not null) TextInput.RejectUnmarkedUtf16(header);
        if (header is null || !StartsWithKeyword(header, "WEBVTT"))
            throw new TranscriptFormatException("The file is not WebVTT: line 1 must start with 'WEBVTT'.");
        SkipBlock(lines);

        var cues = new List<WebVttCue>();
        var cueCount = 0;
        while (lines.NextNonBlank() is { } first)
        {
            if (StartsWithKeyword(first, "NOTE") || StartsWithKeyword(first, "STYLE") || StartsWithKeyword(first, "REGION"))
            {
                SkipBlock(lines);
                continue;
            }

            var timing = first;
            if (!first.Contains("-->", StringComparison.Ordinal))
            {
                // The first line was a cue identifier; the timing line must follow it directly.
                timing = lines.Next();
                if (string.IsNullOrWhiteSpace(timing) || !timing.Contains("-->", StringComparison.Ordinal))
                    throw new TranscriptFormatException(
                        $"Line {lines.Number}: expected a cue timing line such as {TimingExample}.");
            }
            var (start, end) = ParseTiming(timing, lines.Number);
            cueCount++;
            ReadPayload(lines, start, end, cues);
        }

        if (cueCount == 0)
            throw new TranscriptFormatException($"No cues found: expected timed cues such as {TimingExample} after the WEBVTT header.");
        if (cues.Count == 0)
            throw new TranscriptFormatException("The WebVTT file has cues but none of them contains text.");
        return cues;
    }

    private static void ReadPayload(LineReader lines, double start, double end, List<WebVttCue> cues)
    {
        var payload = new StringBuilder();
        while (lines.Next() is { } line && !string.IsNullOrWhiteSpace(line))
        {
            if (payload.Length > 0) payload.Append('\n');
            payload.Append(line);
        }

        foreach (var run in WebVttCueText.Parse(payload.ToString()))
        {
            var speaker = run.Voice;
            var text = run.Text;
            if (speaker is null && SpeakerTag.TryParse(text, out var tag, out var rest))
            {
                speaker = tag;
                text = rest;
            }
            if (text.Length == 0) continue;
            TurnLimit.BeforeAdding(cues.Count, "cues");
            cues.Add(new WebVttCue(start, end, speaker ?? DefaultSpeaker, text));
        }
    }

    private static (double Start, double End) ParseTiming(string line, int number)
    {
        var arrow = line.IndexOf("-->", StringComparison.Ordinal);
        var left = line.AsSpan(0, arrow).Trim();
        var right = line.AsSpan(arrow + 3).TrimStart();
        // Cue settings (position, align, ...) may follow the end time; they do not matter for a transcript.
        var settings = right.IndexOfAny(" \t");
        if (settings >= 0) right = right[..settings];

        if (!WebVttTimestamp.TryParse(left, out var start) || !WebVttTimestamp.TryParse(right, out var end))
            throw new TranscriptFormatException(
                $"Line {number}: invalid cue timestamp; expected hh:mm:ss.ttt or mm:ss.ttt as in {TimingExample}.");
        if (end < start)
            throw new TranscriptFormatException($"Line {number}: the cue ends before it starts.");
        return (start, end);
    }

    // Cues should be in start order, but real exports (overlapping speech) are not always; a stable
    // sort keeps the file's order for equal starts.
    private static List<Utterance> Merge(List<WebVttCue> cues)
    {
        var utterances = new List<Utterance>();
        var text = new StringBuilder();
        WebVttCue? current = null;
        foreach (var cue in cues.OrderBy(c => c.Start))
        {
            if (current is { } open && string.Equals(open.Speaker, cue.Speaker, StringComparison.Ordinal))
            {
                text.Append(' ').Append(cue.Text);
                current = open with { End = Math.Max(open.End, cue.End) };
                continue;
            }
            Emit(utterances, current, text);
            current = cue;
            text.Append(cue.Text);
        }
        Emit(utterances, current, text);
        return utterances;
    }

    private static void Emit(List<Utterance> utterances, WebVttCue? cue, StringBuilder text)
    {
        if (cue is { } c) utterances.Add(new Utterance(utterances.Count, c.Speaker, c.Start, c.End, text.ToString(), []));
        text.Clear();
    }

    private static void SkipBlock(LineReader lines)
    {
        while (lines.Next() is { } line && !string.IsNullOrWhiteSpace(line)) { }
    }

    private static bool StartsWithKeyword(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal)
        && (line.Length == keyword.Length || line[keyword.Length] is ' ' or '\t');
}
