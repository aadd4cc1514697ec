using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// A 16 kHz mono 16-bit PCM WAV copy of a recording in a private temporary folder. The copy is as
/// identifiable as the recording: dispose it as soon as recognition ends, which deletes the folder
/// and everything derived from the audio inside it.
/// </summary>
public sealed class DecodedAudio : IDisposable
{
    /// <summary>Sample rate of every decoded file.</summary>
    public const int SampleRate = 16000;

    /// <summary>Bytes per second of decoded audio (mono, 16-bit).</summary>
    public const int BytesPerSecond = SampleRate * 2;

    private readonly IWorkFolder _folder;

    internal DecodedAudio(IWorkFolder folder, string path, WavLayout layout)
    {
        _folder = folder;
        Path = path;
        Layout = layout;
    }

    /// <summary>The decoded WAV file.</summary>
    public string Path { get; }

    /// <summary>Length of the decoded audio in seconds.</summary>
    public double DurationSeconds => (double)Layout.AvailableDataSize / BytesPerSecond;

    /// <summary>The private folder holding the file; derived files (chunks) go here too so disposal removes them.</summary>
    internal string Directory => _folder.Path;

    internal WavLayout Layout { get; }

    /// <summary>Deletes the temporary folder and its contents.</summary>
    public void Dispose() => _folder.Dispose();
}
