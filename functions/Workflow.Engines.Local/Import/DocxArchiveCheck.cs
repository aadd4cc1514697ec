using System.IO.Compression;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Bounds a .docx before any XML is parsed: a zip bomb (a few hundred kilobytes that inflate to
/// gigabytes) must fail with a clear reason, not exhaust the host's memory. Sizes declared in the zip
/// directory can lie, so each entry is inflated into nothing with a cap, which costs little for a real
/// transcript (its text is a few megabytes at most).
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
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                using var inflated = entry.Open();
                long size = 0;
                int read;
                while ((read = inflated.Read(buffer, 0, buffer.Length)) > 0)
                {
                    size += read;
                    total += read;
                    if (size > MaxEntryBytes || total > MaxTotalBytes)
                        throw new TranscriptFormatException(
                            $"The .docx file expands to more than {(size > MaxEntryBytes ? MaxEntryBytes : MaxTotalBytes) / (1024 * 1024)} MB when unpacked (a compressed 'zip bomb' or a document far beyond any transcript); it was not read.");
                }
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
