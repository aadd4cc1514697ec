using Workflow.Domain.Deidentification;

namespace Workflow.Domain.Ports;

/// <summary>
/// Makes the de-identified copy of a recording for coders who listen: the spans where identifiers
/// were spoken are replaced by a tone. The copy is written to a path the caller gives (in the host's
/// private work area) in the format <see cref="Extension"/> and <see cref="ContentType"/> name.
/// </summary>
public interface IAudioRedactor
{
    /// <summary>The output's file extension (lower case, with dot).</summary>
    string Extension { get; }

    /// <summary>The output's media type, as served to the browser.</summary>
    string ContentType { get; }

    /// <summary>
    /// Writes <paramref name="outputPath"/> from <paramref name="sourcePath"/> with every span silenced
    /// and toned. Throws <see cref="InvalidUploadException"/> when the source cannot be decoded and
    /// <see cref="EngineUnavailableException"/> when the tool is missing.
    /// </summary>
    Task RenderAsync(string sourcePath, IReadOnlyList<AudioSpan> spans, string outputPath, CancellationToken cancellationToken);
}
