namespace Workflow.Engines.Local.Import;

/// <summary>
/// Recognises the opening bytes of files that are often named as text by mistake (audio, Word
/// documents, PDFs), so a refusal can say what the file really is instead of "not UTF-8".
/// </summary>
internal static class BinarySignature
{
    /// <summary>Bytes needed to recognise every signature below.</summary>
    public const int Length = 12;

    /// <summary>What the file looks like ("WAV audio"), or null when it is not a known binary format.</summary>
    public static string? Describe(ReadOnlySpan<byte> start)
    {
        // MP3 frames start with 0xFF and a sync byte; 0xFF 0xFE (a UTF-16 byte order mark) is not among them.
        if (start.Length >= 12 && start[..4].SequenceEqual("RIFF"u8) && start[8..12].SequenceEqual("WAVE"u8)) return "WAV audio";
        if (start.StartsWith("ID3"u8) || start.Length >= 2 && start[0] == 0xFF && start[1] is 0xFB or 0xFA or 0xF3 or 0xF2 or 0xE3) return "MP3 audio";
        if (start.StartsWith("OggS"u8)) return "Ogg audio";
        if (start.StartsWith("fLaC"u8)) return "FLAC audio";
        if (start.Length >= 8 && start[4..8].SequenceEqual("ftyp"u8)) return "MP4 or M4A audio";
        if (start.StartsWith(new byte[] { 0x1A, 0x45, 0xDF, 0xA3 })) return "WebM audio";
        if (start.StartsWith(new byte[] { 0x30, 0x26, 0xB2, 0x75 })) return "WMA audio";
        if (start.StartsWith("PK\u0003\u0004"u8)) return "a zip archive (a Word document?)";
        if (start.StartsWith("%PDF"u8)) return "a PDF document";
        return null;
    }
}
