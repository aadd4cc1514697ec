using System.Globalization;
using System.Text;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Reads the values of a Praat text file one at a time. Praat's long ("ooTextFile" with
/// <c>name = value</c> lines) and short formats hold the same sequence of values, so skipping every
/// word that is not a quoted string, a number or a <c>&lt;flag&gt;</c> reads both.
/// </summary>
internal sealed class PraatTextTokenizer(TextReader reader)
{
    private readonly StringBuilder buffer = new();
    private int line = 1;

    /// <summary>1-based line the reader has reached.</summary>
    public int Line => line;

    /// <summary>The next value, or null at the end of the input.</summary>
    public PraatToken? Next()
    {
        while (true)
        {
            var c = Read();
            if (c < 0) return null;
            if (char.IsWhiteSpace((char)c)) continue;

            var start = line;
            if (c == '"') return new PraatToken(PraatTokenKind.String, ReadString(start), 0, start);
            if (c == '!')
            {
                // Praat allows comments from '!' to the end of the line.
                while (Peek() is >= 0 and not '\n') Read();
                continue;
            }

            buffer.Clear().Append((char)c);
            while (Peek() is >= 0 and var next && !char.IsWhiteSpace((char)next)) buffer.Append((char)Read());
            var word = buffer.ToString();
            if (word.Length > 2 && word[0] == '<' && word[^1] == '>') return new PraatToken(PraatTokenKind.Flag, word, 0, start);
            if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                return new PraatToken(PraatTokenKind.Number, word, number, start);
            // Anything else is a label ("xmin", "=", "item", "[1]:"), which carries no value.
        }
    }

    private string ReadString(int start)
    {
        buffer.Clear();
        while (true)
        {
            var c = Read();
            if (c < 0) throw new TranscriptFormatException($"Line {start}: a quoted text is not closed before the end of the file.");
            if (c == '"')
            {
                // Praat escapes a quote inside a string by doubling it.
                if (Peek() != '"') return buffer.ToString();
                Read();
            }
            if (c != '\r') buffer.Append((char)c);
        }
    }

    private int Peek() => reader.Peek();

    private int Read()
    {
        var c = reader.Read();
        if (c == '\n') line++;
        return c;
    }
}
