namespace Workflow.Engines.Local.Import;

/// <summary>
/// Passes a stream through and keeps a copy of its first few bytes, so that after a failure the
/// importer can tell what the file was without seeking back (uploads often cannot seek).
/// </summary>
internal sealed class LeadingBytesStream(Stream inner, int keep) : Stream
{
    private readonly byte[] _leading = new byte[keep];
    private int _kept;

    /// <summary>The first bytes read so far (up to the number asked to keep).</summary>
    public ReadOnlySpan<byte> Leading => _leading.AsSpan(0, _kept);

    public override int Read(byte[] buffer, int offset, int count) => Keep(buffer.AsSpan(offset, inner.Read(buffer, offset, count)));

    public override int Read(Span<byte> buffer) => Keep(buffer[..inner.Read(buffer)]);

    private int Keep(ReadOnlySpan<byte> read)
    {
        var room = Math.Min(_leading.Length - _kept, read.Length);
        read[..room].CopyTo(_leading.AsSpan(_kept));
        _kept += room;
        return read.Length;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
