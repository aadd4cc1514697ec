using System.Text;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>Opens uploaded text files: UTF-8 by default, UTF-16/32 when a byte order mark says so.</summary>
internal static class TextInput
{
    private const int BufferSize = 64 * 1024;

    /// <summary>Most characters a text transcript may hold: about thirty times the longest interview.</summary>
    public const long MaxCharacters = 20_000_000;

    /// <summary>
    /// Runs <paramref name="parse"/> over a reader for <paramref name="content"/>. Invalid UTF-8 fails
    /// instead of being replaced, so a file in a legacy encoding is never silently corrupted.
    /// </summary>
    public static T Read<T>(Stream content, Func<TextReader, T> parse)
    {
        ArgumentNullException.ThrowIfNull(content);
        var watched = new LeadingBytesStream(content, BinarySignature.Length);
        using var reader = new StreamReader(
            watched, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true,
            BufferSize, leaveOpen: true);
        try
        {
            return parse(new BoundedTextReader(reader, MaxCharacters));
        }
        catch (DecoderFallbackException)
        {
            throw Disguised(watched) ?? new TranscriptFormatException(
                "The file is not valid UTF-8 or UTF-16 text. Save it as UTF-8 and upload it again.");
        }
        catch (TranscriptFormatException) when (Disguised(watched) is { } disguised)
        {
            throw disguised;
        }
    }

    // Audio or a document named as text fails somewhere in decoding or parsing; saying what it is helps more.
    private static TranscriptFormatException? Disguised(LeadingBytesStream watched) =>
        BinarySignature.Describe(watched.Leading) is { } what
            ? new TranscriptFormatException($"The file holds {what}, not transcript text; upload it under its real extension.")
            : null;

    /// <summary>
    /// Fails clearly on UTF-16 without a byte order mark, which decodes as UTF-8 with a NUL between
    /// letters and would otherwise produce a confusing structural error.
    /// </summary>
    public static void RejectUnmarkedUtf16(string firstLine)
    {
        if (firstLine.Contains('\0'))
            throw new TranscriptFormatException(
                "The file looks like UTF-16 text without a byte order mark. Save it as UTF-8 and upload it again.");
    }
}
