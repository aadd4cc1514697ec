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

    // A directory record is 46 bytes plus name, extra field and comment; Word's are well under 200.
    private const ulong MaxDirectoryBytes = MaxEntries * 1024UL;

    public static void Check(Stream seekable)
    {
        if (seekable.Length > MaxPackageBytes)
            throw new TranscriptFormatException($"The .docx file is larger than {MaxPackageBytes / (1024 * 1024)} MB, far beyond any transcript.");
        // Counted from the zip's end record before the archive is opened, because opening loads every
        // entry; an end record that understates them makes ZipArchive refuse the file at once.
        if (ZipDirectorySize.Read(seekable) is (var declared, var directoryBytes) && (declared > MaxEntries || directoryBytes > MaxDirectoryBytes))
            throw new TranscriptFormatException(TooManyParts(declared));
        var start = seekable.Position;
        try
        {
            using var zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > MaxEntries)
                throw new TranscriptFormatException(TooManyParts((ulong)zip.Entries.Count));
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

    private static string TooManyParts(ulong parts) =>
        $"The .docx file holds {parts:N0} parts (at most {MaxEntries:N0}) or a directory too large for them: it is not a transcript document.";
}
