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

    internal DecodedAudio(string directory, string path, WavLayout layout)
    {
        Directory = directory;
        Path = path;
        Layout = layout;
    }

    /// <summary>The decoded WAV file.</summary>
    public string Path { get; }

    /// <summary>Length of the decoded audio in seconds.</summary>
    public double DurationSeconds => (double)Layout.AvailableDataSize / BytesPerSecond;

    /// <summary>The private folder holding the file; derived files (chunks) go here too so disposal removes them.</summary>
    internal string Directory { get; }

    internal WavLayout Layout { get; }

    /// <summary>Deletes the temporary folder and its contents.</summary>
    public void Dispose() => DeleteDirectory(Directory);

    internal static void DeleteDirectory(string directory)
    {
        try
        {
            if (System.IO.Directory.Exists(directory)) System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open (a child being killed) is retried once; the folder is private (0700) meanwhile.
            Thread.Sleep(100);
            if (System.IO.Directory.Exists(directory)) System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
