using System.Text;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Builds speaker turns from lines of <c>Speaker: text</c>, shared by the plain-text and DOCX importers
/// so both read the same conventions. Lines are fed one at a time so large files are never held whole.
/// </summary>
/// <param name="unit">What a numbered input is called in messages ("Line" or "Paragraph").</param>
internal sealed class SpeakerTurnParser(string unit)
{
    private readonly List<Utterance> turns = [];
    private readonly StringBuilder text = new();
    private string? speaker;
    private int? firstUntaggedLine;

    /// <summary>Adds one line: a new turn when it starts with a speaker tag, otherwise a continuation of the current turn.</summary>
    public void Add(string line, int number)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0) return;

        if (SpeakerTag.TryParse(trimmed, out var tag, out var rest))
        {
            // Text before the first tag cannot be attributed to anyone. Report it only once a tag shows
            // the file does use tags; a file with none gets the "no turns" message instead.
            if (firstUntaggedLine is { } orphan)
                throw new TranscriptFormatException(
                    $"{unit} {orphan} has no speaker: the transcript must start with a speaker tag such as 'Interviewer:'.");
            Flush();
            speaker = tag;
            text.Append(rest);
            return;
        }

        if (speaker is null)
        {
            firstUntaggedLine ??= number;
            return;
        }
        if (text.Length > 0) text.Append(' ');
        text.Append(trimmed);
    }

    /// <summary>Returns the turns read so far, indexed from 0, without empty ones.</summary>
    public IReadOnlyList<Utterance> Complete()
    {
        Flush();
        if (turns.Count == 0)
            throw new TranscriptFormatException("No speaker turns found: expected lines like 'Interviewer: ...'");
        return turns;
    }

    private void Flush()
    {
        if (speaker is not null && text.Length > 0)
        {
            TurnLimit.BeforeAdding(turns.Count, "speaker turns");
            turns.Add(Utterance.Untimed(turns.Count, speaker, text.ToString()));
        }
        speaker = null;
        text.Clear();
    }
}
