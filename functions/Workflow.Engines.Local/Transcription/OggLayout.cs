namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Walks the pages of an Ogg file (Vorbis, Opus, FLAC in Ogg) by their headers. Ogg pages stand on
/// their own, so ffprobe accepts a file cut off mid-transfer without a word and reports the shorter
/// length; a last page that runs past the end of the file, or bytes that are not a page where one
/// must start, show the cut. Only page headers are read, never audio.
/// </summary>
internal static class OggLayout
{
    private const int HeaderLength = 27;

    /// <summary>True for an Ogg file whose pages do not end exactly at the end of the file; false for other formats.</summary>
    public static bool IsTruncated(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> header = stackalloc byte[HeaderLength];
        Span<byte> segments = stackalloc byte[255];
        var pages = 0;
        while (stream.Position < stream.Length)
        {
            if (stream.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength) return pages > 0;
            if (!header[..4].SequenceEqual("OggS"u8)) return pages > 0;
            var count = header[26];
            if (stream.ReadAtLeast(segments[..count], count, throwOnEndOfStream: false) < count) return true;
            long body = 0;
            foreach (var lacing in segments[..count]) body += lacing;
            if (body > stream.Length - stream.Position) return true;
            stream.Seek(body, SeekOrigin.Current);
            pages++;
        }
        return false;
    }
}
