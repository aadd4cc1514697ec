using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Import;
using static Workflow.Engines.Local.Tests.Import.DocxBuilder;

namespace Workflow.Engines.Local.Tests.Import;

/// <summary>Hostile .docx files fail with a reason before any XML is parsed, and memory stays bounded.</summary>
public class DocxBombTests
{
    private readonly DocxTranscriptImporter _importer = new();

    /// <summary>A package whose document part inflates to <paramref name="megabytes"/> MB of whitespace.</summary>
    private static MemoryStream Bomb(int megabytes, string entry = "word/document.xml")
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var part = zip.CreateEntry(entry, CompressionLevel.SmallestSize).Open();
            var chunk = Encoding.ASCII.GetBytes(new string(' ', 1 << 20));
            part.Write("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"u8);
            for (var i = 0; i < megabytes; i++) part.Write(chunk);
        }
        stream.Position = 0;
        return stream;
    }

    [Fact]
    public void AZipBomb_IsRefusedWithItsReason_WithoutInflatingIt()
    {
        using var bomb = Bomb(300);
        Assert.True(bomb.Length < 2 * 1024 * 1024, $"the bomb should be small when packed ({bomb.Length} bytes)");
        // This thread's allocations only: other test classes run in parallel in the same process.
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<TranscriptFormatException>(() => _importer.Import("rec-1", bomb));

        Assert.Contains("zip bomb", error.Message);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 64L * 1024 * 1024, $"checking the bomb allocated {allocated / (1024 * 1024)} MB");
    }

    [Fact]
    public void ABombInAnyPart_CountsToo()
    {
        using var bomb = Bomb(120, "word/media/filler.bin");
        Assert.Contains("zip bomb", Assert.Throws<TranscriptFormatException>(() => _importer.Import("rec-1", bomb)).Message);
    }

    [Fact]
    public void TooManyParts_AreRefused()
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i <= DocxArchiveCheck.MaxEntries; i++) zip.CreateEntry($"x/{i}");
        stream.Position = 0;
        Assert.Contains("parts", Assert.Throws<TranscriptFormatException>(() => _importer.Import("rec-1", stream)).Message);
    }

    [Fact]
    public void AHundredThousandParts_AreRefusedFromTheZipEndRecord_WithoutLoadingTheDirectory()
    {
        // Opening a ZipArchive loads every directory entry as an object: a million empty entries fit
        // in 100 MB and took over 600 MB before they could be counted.
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
            for (var i = 0; i < 100_000; i++) zip.CreateEntry(i.ToString("x"), CompressionLevel.NoCompression);
        stream.Position = 0;
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<TranscriptFormatException>(() => _importer.Import("rec-1", stream));

        Assert.Contains("holds 100,000 parts", error.Message);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 4L * 1024 * 1024, $"refusing the package allocated {allocated / (1024 * 1024)} MB");
    }

    [Fact]
    public void AnOrdinaryDocument_StillImports_ThroughANonSeekableStream()
    {
        using var docx = Build(Para("Interviewer: How did it start?"), Para("Participant: With a friend."));
        var transcript = _importer.Import("rec-1", new NonSeekableStream(docx));
        Assert.Equal(2, transcript.Utterances.Count);
    }
}
