using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Orchestrations.Activities;

/// <summary>Chooses the importer for a transcript file by its extension.</summary>
public static class TranscriptImporters
{
    public static ITranscriptImporter For(IEnumerable<ITranscriptImporter> importers, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var all = importers.ToList();
        return all.FirstOrDefault(i => i.Extensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
            ?? throw new TranscriptFormatException(
                $"No importer reads '{extension}' files; supported: {string.Join(", ", all.SelectMany(i => i.Extensions).Order())}.");
    }

    /// <summary>True when some importer reads files named like <paramref name="fileName"/>.</summary>
    public static bool CanImport(IEnumerable<ITranscriptImporter> importers, string fileName) =>
        importers.Any(i => i.Extensions.Contains(Path.GetExtension(fileName), StringComparer.OrdinalIgnoreCase));
}
