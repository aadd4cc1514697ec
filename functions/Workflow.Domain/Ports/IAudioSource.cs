namespace Workflow.Domain.Ports;

/// <summary>
/// A stored recording as transcription engines see it. Engines that decode locally ask for a
/// temporary local copy; engines that fetch audio themselves (Azure Speech batch transcription) ask
/// for a short-lived read URL and never cause a local copy. Raw audio is identifiable: copies live in
/// the host's private work area and are deleted when disposed.
/// </summary>
public interface IAudioSource
{
    /// <summary>The recording the audio belongs to.</summary>
    string RecordingId { get; }

    /// <summary>The file extension of the upload (lower case, with dot), which tells decoders the container.</summary>
    string Extension { get; }

    /// <summary>Downloads the audio into a private temporary folder; dispose the result to delete it.</summary>
    Task<IWorkFile> GetLocalCopyAsync(CancellationToken cancellationToken);

    /// <summary>A read-only URL valid for <paramref name="lifetime"/>, for engines that fetch the audio themselves.</summary>
    Task<Uri> GetReadUrlAsync(TimeSpan lifetime, CancellationToken cancellationToken);
}
