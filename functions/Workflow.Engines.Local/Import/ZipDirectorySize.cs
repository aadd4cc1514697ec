using System.Buffers.Binary;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Reads what a zip's end-of-central-directory record (or its Zip64 form) declares: the number of
/// entries and the directory's size. <see cref="System.IO.Compression.ZipArchive"/> loads the whole
/// directory as objects when it opens, so a 100 MB package of a million empty entries costs over
/// half a gigabyte before anything can be counted; reading these fields first costs one small read.
/// </summary>
internal static class ZipDirectorySize
{
    private const uint EndSignature = 0x06054b50;
    private const uint Zip64LocatorSignature = 0x07064b50;
    private const uint Zip64EndSignature = 0x06064b50;
    private const int EndLength = 22;

    /// <summary>The declared entry count and directory size, or null when no end record is found (then it is not a zip).</summary>
    public static (ulong Entries, ulong DirectoryBytes)? Read(Stream seekable)
    {
        var start = seekable.Position;
        try
        {
            // The end record sits at the very end, after a comment of at most 65,535 bytes.
            var tailLength = (int)Math.Min(seekable.Length, EndLength + ushort.MaxValue);
            var tail = ReadAt(seekable, seekable.Length - tailLength, tailLength);
            for (var at = tail.Length - EndLength; at >= 0; at--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at)) != EndSignature) continue;
                ulong entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(at + 10));
                ulong size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(at + 12));
                if (entries == ushort.MaxValue || size == uint.MaxValue)
                    return Zip64(seekable, seekable.Length - tailLength + at) ?? (entries, size);
                return (entries, size);
            }
            return null;
        }
        finally
        {
            seekable.Position = start;
        }
    }

    // Too many entries for 16 bits: the real count is in the Zip64 end record the locator points to.
    private static (ulong, ulong)? Zip64(Stream seekable, long endRecord)
    {
        if (endRecord < 20) return null;
        var locator = ReadAt(seekable, endRecord - 20, 20);
        if (BinaryPrimitives.ReadUInt32LittleEndian(locator) != Zip64LocatorSignature) return null;
        var offset = BinaryPrimitives.ReadUInt64LittleEndian(locator.AsSpan(8));
        if (offset > (ulong)(seekable.Length - 56)) return null;
        var record = ReadAt(seekable, (long)offset, 56);
        if (BinaryPrimitives.ReadUInt32LittleEndian(record) != Zip64EndSignature) return null;
        return (BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(40)));
    }

    private static byte[] ReadAt(Stream seekable, long position, int length)
    {
        var buffer = new byte[length];
        seekable.Position = position;
        seekable.ReadExactly(buffer);
        return buffer;
    }
}
