using System.IO.Compression;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Import;

namespace Workflow.Engines.Local.Tests.Import;

/// <summary>
/// Hostile XML inside an otherwise valid .docx fails with its reason before the Open XML SDK loads
/// it: entity declarations (billion laughs, external entities) and nesting that would overflow the
/// SDK's recursive loader and kill the process.
/// </summary>
public class DocxHostileXmlTests
{
    private readonly DocxTranscriptImporter _importer = new();

    private static string Nested(string open, string close, int depth, string inner) =>
        string.Concat(Enumerable.Repeat(open, depth)) + inner + string.Concat(Enumerable.Repeat(close, depth));

    [Fact]
    public void BillionLaughs_IsRefusedForItsDtd()
    {
        var entities = "<!ENTITY l0 \"lol\">" + string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"<!ENTITY l{i} \"{string.Concat(Enumerable.Repeat($"&l{i - 1};", 10))}\">"));
        using var docx = RawDocx.WithBody(RawDocx.Paragraph("Interviewer: &l9;"), $"<!DOCTYPE w:document [{entities}]>");

        Assert.Contains("DTD", Assert.Throws<TranscriptFormatException>(() => _importer.Import("rec-1", docx)).Message);
    }

    [Fact]
    public void ExternalEntity_IsRefusedForItsDtd_AndNothingIsRead()
    {
        using var docx = RawDocx.WithBody(RawDocx.Paragraph("Interviewer: &x;"), "<!DOCTYPE w:document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");

        var error = Assert.Throws<TranscriptFormatException>(() => _importer.Import("rec-1", docx));
        Assert.Contains("external-entity", error.Message);
        Assert.DoesNotContain("root", error.Message);
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(100_000)]
    public void DeepNestingInsideAParagraph_IsRefused_InsteadOfOverflowingTheStack(int depth)
    {
        using var docx = RawDocx.WithBody(Nested("<w:r>", "</w:r>", depth, "<w:t>Interviewer: hello</w:t>"));

        var error = Assert.Throws<TranscriptFormatException>(() => _importer.Import("rec-1", docx));
        Assert.Contains($"more than {DocxXmlBounds.MaxDepth} levels", error.Message);
    }

    [Fact]
    public void NestingAsDeepAsRealDocumentsGet_StillImports()
    {
        // Content controls inside nested tables: a few dozen levels at most in real transcripts.
        using var docx = RawDocx.WithBody(Nested("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>", 60, RawDocx.Paragraph("Interviewer: hello")));

        Assert.Equal("hello", Assert.Single(_importer.Import("rec-1", docx).Utterances).Text);
    }

    [Fact]
    public void MalformedContentTypesPart_IsRefusedAsUnreadable()
    {
        // Found by fuzzing: System.IO.Packaging's XmlException escaped as an unexpected failure.
        using var valid = RawDocx.WithBody(RawDocx.Paragraph("Interviewer: hello"));
        using var broken = new MemoryStream();
        using (var from = new ZipArchive(valid, ZipArchiveMode.Read))
        using (var to = new ZipArchive(broken, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var entry in from.Entries)
            {
                using var source = entry.Open();
                using var target = to.CreateEntry(entry.FullName).Open();
                if (entry.FullName == "[Content_Types].xml") target.Write("<Types xmlns=\"x\"><Default <"u8);
                else source.CopyTo(target);
            }
        broken.Position = 0;

        Assert.Equal("The file is not a readable .docx document.", Assert.Throws<TranscriptFormatException>(() => _importer.Import("rec-1", broken)).Message);
    }
}
