using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Reads plain-text transcripts of <c>Speaker: text</c> turns. Lines without a tag continue the
/// previous turn; the text is kept as written apart from trimming and joining, because later offsets
/// (redactions, evidence spans) index into it.
/// </summary>
public sealed class PlainTextTranscriptImporter : ITranscriptImporter
{
    /// <inheritdoc />
    public string Format => "Plain text";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".txt"];

    /// <inheritdoc />
    public Transcript Import(string recordingId, Stream content) =>
        TextInput.Read(content, reader =>
        {
            var parser = new SpeakerTurnParser("Line");
            var lines = new LineReader(reader);
            while (lines.Next() is { } line)
            {
                if (lines.Number == 1) TextInput.RejectUnmarkedUtf16(line);
                parser.Add(line, lines.Number);
            }
            return new Transcript(recordingId, "import:text", parser.Complete());
        });
}
