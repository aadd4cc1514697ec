using System.IO.Compression;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Bounds a .docx before any XML is parsed: a zip bomb (a few hundred kilobytes that inflate to
/// gigabytes) must fail with a clear reason, not exhaust the host's memory. Sizes declared in the zip
/// directory can lie, so each entry is inflated into nothing with a cap, which costs little for a real
/// transcript (its text is a few megabytes at most). While inflating, each part is also scanned for a
/// DTD and for absurd nesting (<see cref="DocxXmlBounds"/>).
/// </summary>
internal static class DocxArchiveCheck
{
    public const long MaxPackageBytes = 100L * 1024 * 1024;
    public const int MaxEntries = 2000;
    public const long MaxEntryBytes = 32L * 1024 * 1024;
    public const long MaxTotalBytes = 96L * 1024 * 1024;

    public static void Check(Stream seekable)
    {
        if (seekable.Length > MaxPackageBytes)
            throw new TranscriptFormatException($"The .docx file is larger than {MaxPackageBytes / (1024 * 1024)} MB, far beyond any transcript.");
        var start = seekable.Position;
        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
                throw new TranscriptFormatException($"The .docx file holds {zip.Entries.Count} parts (at most {MaxEntries}): it is not a transcript document.");
            var budget = new DocxInflationLimit.Budget(MaxEntryBytes, MaxTotalBytes);
            foreach (var entry in zip.Entries)
            {
                using var inflated = new DocxInflationLimit(entry.Open(), budget);
                DocxXmlBounds.Check(inflated);
                // Whatever the XML scan did not read still counts towards the caps.
                inflated.CopyTo(Stream.Null);
            }
        }
        catch (InvalidDataException)
        {
            throw new TranscriptFormatException("The file is not a readable .docx document.");
        }
        finally
        {
            seekable.Position = start;
        }
    }
}
