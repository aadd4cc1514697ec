using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Ports;

/// <summary>
/// Chooses the transcript importer for an uploaded file by its extension (case-insensitive), falling
/// back to the content type only for names without an extension, because browsers and clients report
/// content types unreliably.
/// </summary>
public sealed class TranscriptImporterCatalog
{
    private static readonly Dictionary<string, string> ExtensionByContentType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["text/plain"] = ".txt",
        ["text/vtt"] = ".vtt",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
    };

    private readonly Dictionary<string, ITranscriptImporter> byExtension = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a catalog of <paramref name="importers"/>; each extension may belong to one importer only.</summary>
    public TranscriptImporterCatalog(IEnumerable<ITranscriptImporter> importers)
    {
        ArgumentNullException.ThrowIfNull(importers);
        foreach (var importer in importers)
            foreach (var extension in importer.Extensions)
                if (!byExtension.TryAdd(extension, importer))
                    throw new ArgumentException($"Two importers claim the extension '{extension}'.", nameof(importers));
        SupportedExtensions = byExtension.Keys.Select(e => e.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Extensions (lower case, with dot) that can be imported, in alphabetical order.</summary>
    public IReadOnlyList<string> SupportedExtensions { get; }

    /// <summary>The supported extensions as a list for messages, e.g. ".docx, .textgrid, .txt, .vtt".</summary>
    public string SupportedExtensionsText => string.Join(", ", SupportedExtensions);

    /// <summary>The importer for <paramref name="fileName"/>, or null when the file type is not supported.</summary>
    /// <param name="fileName">The uploaded file's name; only its extension is used.</param>
    /// <param name="contentType">The reported media type, used only when the name has no extension.</param>
    public ITranscriptImporter? Find(string fileName, string? contentType = null)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var extension = Path.GetExtension(fileName);
        if (extension.Length == 0 && contentType is not null)
        {
            // Parameters such as "; charset=utf-8" do not change the format.
            var mediaType = contentType.Split(';', 2)[0].Trim();
            ExtensionByContentType.TryGetValue(mediaType, out extension);
        }
        return extension is { Length: > 0 } && byExtension.TryGetValue(extension, out var importer) ? importer : null;
    }

    /// <summary>The importer for <paramref name="fileName"/>; a <see cref="TranscriptFormatException"/> naming the supported types otherwise.</summary>
    public ITranscriptImporter Require(string fileName) =>
        Find(fileName) ?? throw new TranscriptFormatException(
            $"No importer reads '{Path.GetExtension(fileName)}' files; supported: {SupportedExtensionsText}.");
}
