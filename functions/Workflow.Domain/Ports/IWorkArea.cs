namespace Workflow.Domain.Ports;

/// <summary>
/// The one place a host keeps temporary files: received uploads, local copies of audio, decoder
/// output. Everything in it is as identifiable as the upload it came from, so each piece of work
/// gets a private folder that is deleted when the work ends, and the host sweeps the whole area at
/// start-up in case a killed process left something behind.
/// </summary>
public interface IWorkArea
{
    /// <summary>The folder holding every temporary folder of this host.</summary>
    string Root { get; }

    /// <summary>Creates a new owner-only folder named after <paramref name="purpose"/> (e.g. "upload", "asr").</summary>
    IWorkFolder CreateFolder(string purpose);

    /// <summary>Deletes everything in the area. Call once at start-up, before any work runs.</summary>
    int Sweep();
}

/// <summary>A private temporary folder; disposing it deletes it and everything inside.</summary>
public interface IWorkFolder : IDisposable, IAsyncDisposable
{
    /// <summary>The folder's full path.</summary>
    string Path { get; }
}

/// <summary>A temporary file inside its own private folder; disposing it deletes both.</summary>
public interface IWorkFile : IAsyncDisposable
{
    /// <summary>The file's full path.</summary>
    string Path { get; }
}
