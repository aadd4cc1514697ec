using Workflow.Domain.Ports;
using Workflow.Engines.Local.Import;

namespace Workflow.Engines.Local.Tests.Import;

public class TranscriptImporterCatalogTests
{
    private readonly TranscriptImporterCatalog catalog = new([new PlainTextTranscriptImporter(), new WebVttTranscriptImporter(), new TextGridTranscriptImporter(), new DocxTranscriptImporter()]);

    [Theory]
    [InlineData("interview.txt", typeof(PlainTextTranscriptImporter))]
    [InlineData("captions.VTT", typeof(WebVttTranscriptImporter))]
    [InlineData("day1_consultation01_doctor.TextGrid", typeof(TextGridTranscriptImporter))]
    [InlineData("Focus group 2.final.Docx", typeof(DocxTranscriptImporter))]
    public void Find_KnownExtension_IgnoresCase(string fileName, Type expected)
    {
        Assert.IsType(expected, catalog.Find(fileName));
    }

    [Theory]
    [InlineData("recording.wav")]
    [InlineData("interview.doc")]
    [InlineData("README")]
    [InlineData("")]
    public void Find_UnsupportedFile_ReturnsNull(string fileName)
    {
        Assert.Null(catalog.Find(fileName));
    }

    [Fact]
    public void Find_NameWithoutExtension_FallsBackToTheContentType()
    {
        Assert.IsType<WebVttTranscriptImporter>(catalog.Find("upload", "text/vtt"));
        Assert.IsType<PlainTextTranscriptImporter>(catalog.Find("upload", "Text/Plain; charset=utf-8"));
        Assert.IsType<DocxTranscriptImporter>(
            catalog.Find("upload", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"));
        Assert.Null(catalog.Find("upload", "application/octet-stream"));
    }

    [Fact]
    public void Find_ExtensionAndContentTypeDisagree_TrustsTheExtension()
    {
        Assert.IsType<WebVttTranscriptImporter>(catalog.Find("captions.vtt", "text/plain"));
        Assert.Null(catalog.Find("scan.pdf", "text/plain"));
    }

    [Fact]
    public void SupportedExtensions_ListsEveryFormatForMessages()
    {
        Assert.Equal([".docx", ".textgrid", ".txt", ".vtt"], catalog.SupportedExtensions);
        Assert.Equal(".docx, .textgrid, .txt, .vtt", catalog.SupportedExtensionsText);
    }

    [Fact]
    public void Constructor_TwoImportersForOneExtension_Throws()
    {
        Assert.Throws<ArgumentException>(() =>
            new TranscriptImporterCatalog([new PlainTextTranscriptImporter(), new PlainTextTranscriptImporter()]));
    }
}
