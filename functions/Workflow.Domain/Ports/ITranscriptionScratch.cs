namespace Workflow.Domain.Ports;

/// <summary>
/// Named files kept between the pieces of one recording's chunked transcription (decoded audio, the
/// chunk plan, each chunk's words). As identifiable as the recording: in the hosts it lives in the
/// identifiable store under the recording, is deleted once the transcript is stored, and goes with the
/// recording when it is erased.
/// </summary>
public interface ITranscriptionScratch
{
    /// <summary>Stores the file at <paramref name="localPath"/> under <paramref name="name"/>; the local file may be moved away.</summary>
    Task SaveFileAsync(string name, string localPath, CancellationToken cancellationToken);

    /// <summary>Copies <paramref name="length"/> bytes from <paramref name="offset"/> of a stored file into <paramref name="destination"/>.</summary>
    Task ReadRangeAsync(string name, long offset, long length, Stream destination, CancellationToken cancellationToken);

    /// <summary>Copies a stored file to <paramref name="localPath"/>.</summary>
    Task LoadFileAsync(string name, string localPath, CancellationToken cancellationToken);

    /// <summary>Stores a small text (JSON) under <paramref name="name"/>, replacing any.</summary>
    Task SaveTextAsync(string name, string content, CancellationToken cancellationToken);

    /// <summary>How many stored files have names starting with <paramref name="namePrefix"/>.</summary>
    Task<int> CountAsync(string namePrefix, CancellationToken cancellationToken);

    /// <summary>The text stored under <paramref name="name"/>, or null if there is none.</summary>
    Task<string?> LoadTextAsync(string name, CancellationToken cancellationToken);
}
