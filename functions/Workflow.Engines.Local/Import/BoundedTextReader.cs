using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Passes decoded text through while counting it, and refuses the file once it passes the limit:
/// every later stage holds a transcript whole, so a text upload as large as the upload limit allows
/// (hundreds of megabytes) must not become a transcript.
/// </summary>
internal sealed class BoundedTextReader(TextReader inner, long maxCharacters) : TextReader
{
    private long _read;

    public override int Peek() => inner.Peek();

    public override int Read()
    {
        var c = inner.Read();
        if (c >= 0) Count(1);
        return c;
    }

    public override int Read(char[] buffer, int index, int count) => Count(inner.Read(buffer, index, count));

    public override int Read(Span<char> buffer) => Count(inner.Read(buffer));

    private int Count(int read)
    {
        _read += read;
        if (_read > maxCharacters)
            throw new TranscriptFormatException(
                $"The file holds more than {maxCharacters / 1_000_000} million characters of text, far beyond any interview transcript; check that it is one, or split it.");
        return read;
    }
}
