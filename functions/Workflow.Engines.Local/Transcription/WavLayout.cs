using System.Buffers.Binary;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Where the samples of a RIFF/WAVE file sit. Used to spot uploads cut off mid-transfer (ffprobe
/// accepts them and reports the shorter length) and to cut decoded audio into chunks. Only chunk
/// headers are read here, never samples.
/// </summary>
internal sealed record WavLayout(long DataOffset, uint DeclaredDataSize, long FileLength)
{
    /// <summary>Bytes of sample data actually present.</summary>
    public long AvailableDataSize => Math.Min(FileLength - DataOffset, KnownSize ? DeclaredDataSize : long.MaxValue);

    /// <summary>True when the header declares more data than the file holds.</summary>
    public bool IsTruncated => KnownSize && DeclaredDataSize > FileLength - DataOffset;

    // Streaming recorders write 0 or 0xFFFFFFFF when the length was not known: that is not truncation.
    private bool KnownSize => DeclaredDataSize is not 0 and not uint.MaxValue;

    /// <summary>Reads the layout, or returns null when the file is not RIFF/WAVE or has no data chunk.</summary>
    public static WavLayout? Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        Span<byte> header = stackalloc byte[12];
        if (stream.ReadAtLeast(header, 12, throwOnEndOfStream: false) < 12) return null;
        if (!header[..4].SequenceEqual("RIFF"u8) || !header[8..12].SequenceEqual("WAVE"u8)) return null;

        Span<byte> chunk = stackalloc byte[8];
        while (stream.ReadAtLeast(chunk, 8, throwOnEndOfStream: false) == 8)
        {
            var size = BinaryPrimitives.ReadUInt32LittleEndian(chunk[4..]);
            if (chunk[..4].SequenceEqual("data"u8)) return new WavLayout(stream.Position, size, stream.Length);
            // A header chunk running past the end is as truncated as a short data chunk.
            if (size > stream.Length - stream.Position) return new WavLayout(stream.Length, uint.MaxValue - 1, stream.Length);
            stream.Seek(size + (size & 1), SeekOrigin.Current);
        }
        return null;
    }
}
