using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Reads one inflating zip entry while counting what it expands to, and fails as soon as the entry or
/// the whole package passes its cap, so nothing downstream (the XML scan, the drain) ever sees more.
/// </summary>
internal sealed class DocxInflationLimit(Stream inflating, DocxInflationLimit.Budget budget) : Stream
{
    /// <summary>What the package may still expand to, shared by its entries.</summary>
    internal sealed class Budget(long perEntry, long total)
    {
        public long PerEntry { get; } = perEntry;
        public long Total { get; } = total;
        public long Used { get; set; }
    }

    private long _entryBytes;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = inflating.Read(buffer, offset, count);
        _entryBytes += read;
        budget.Used += read;
        if (_entryBytes > budget.PerEntry || budget.Used > budget.Total)
            throw new TranscriptFormatException(
                $"The .docx file expands to more than {(_entryBytes > budget.PerEntry ? budget.PerEntry : budget.Total) / (1024 * 1024)} MB when unpacked (a compressed 'zip bomb' or a document far beyond any transcript); it was not read.");
        return read;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _entryBytes; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inflating.Dispose();
        base.Dispose(disposing);
    }
}
