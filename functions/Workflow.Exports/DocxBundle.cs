using System.IO.Compression;
using Workflow.Domain.Exports;

namespace Workflow.Exports;

/// <summary>The DOCX export of a study: a zip holding one <c>{recordingId}.docx</c> per verified recording.</summary>
public static class DocxBundle
{
    public static async Task WriteAsync(StudyExportData data, Stream output, CancellationToken ct)
    {
        await using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var recording in data.Recordings)
        {
            ct.ThrowIfCancellationRequested();
            // One document in memory at a time: the Open XML SDK needs a seekable stream to build a package.
            using var document = new MemoryStream();
            TranscriptDocx.Write(data, recording, document);
            document.Position = 0;
            await using var entry = await zip.CreateEntry(recording.RecordingId + ".docx", CompressionLevel.NoCompression).OpenAsync(ct);
            await document.CopyToAsync(entry, ct);
        }
    }
}
