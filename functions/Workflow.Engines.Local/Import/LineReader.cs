using System.Text;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Reads lines while counting them, so format errors can name the line without quoting it. A line
/// longer than <see cref="MaxLineLength"/> is refused as it is read, before it is held as one string.
/// </summary>
internal sealed class LineReader(TextReader reader)
{
    /// <summary>Longest line accepted: a whole hour of speech in one paragraph is about 60,000 characters.</summary>
    public const int MaxLineLength = 1_000_000;

    private readonly StringBuilder _line = new();

    /// <summary>1-based number of the line last returned.</summary>
    public int Number { get; private set; }

    /// <summary>The next line, or null at the end of the input. Ends at "\n", "\r\n" or "\r", as <see cref="TextReader.ReadLine"/>.</summary>
    public string? Next()
    {
        _line.Clear();
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '\n') break;
            if (c == '\r')
            {
                if (reader.Peek() == '\n') reader.Read();
                break;
            }
            if (_line.Length == MaxLineLength)
                throw new TranscriptFormatException(
                    $"Line {Number + 1} is longer than {MaxLineLength:N0} characters, far beyond any speaker turn; check that the file is a transcript with line breaks.");
            _line.Append((char)c);
        }
        if (c < 0 && _line.Length == 0) return null;
        Number++;
        return _line.ToString();
    }

    /// <summary>The next line that is not blank, or null at the end of the input.</summary>
    public string? NextNonBlank()
    {
        while (Next() is { } line)
            if (!string.IsNullOrWhiteSpace(line)) return line;
        return null;
    }
}
