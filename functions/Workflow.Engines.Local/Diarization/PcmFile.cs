using System.Buffers.Binary;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// Reads stretches of the decoded 16 kHz mono 16-bit WAV by seeking, so memory holds one analysis
/// window at a time however long the recording is (two hours of samples would be 230 MB).
/// </summary>
internal sealed class PcmFile : IDisposable
{
    private readonly FileStream _stream;
    private readonly WavLayout _layout;
    private byte[] _bytes = [];

    public PcmFile(string path)
    {
        _layout = WavLayout.Read(path) ?? throw new InvalidDataException("The decoded audio is not a WAV file.");
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.RandomAccess);
    }

    public long SampleCount => _layout.AvailableDataSize / 2;

    /// <summary>Samples from <paramref name="startSeconds"/> to <paramref name="endSeconds"/>, scaled to ±1 and clipped to the file.</summary>
    public float[] Read(double startSeconds, double endSeconds)
    {
        var first = Math.Clamp((long)Math.Round(startSeconds * Mfcc.SampleRate), 0, SampleCount);
        var last = Math.Clamp((long)Math.Round(endSeconds * Mfcc.SampleRate), first, SampleCount);
        var count = (int)(last - first);
        if (_bytes.Length < count * 2) _bytes = new byte[count * 2];
        _stream.Seek(_layout.DataOffset + first * 2, SeekOrigin.Begin);
        var read = _stream.ReadAtLeast(_bytes.AsSpan(0, count * 2), count * 2, throwOnEndOfStream: false) / 2;
        var samples = new float[read];
        for (var i = 0; i < read; i++) samples[i] = BinaryPrimitives.ReadInt16LittleEndian(_bytes.AsSpan(i * 2)) / 32768f;
        return samples;
    }

    public void Dispose() => _stream.Dispose();
}
