using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Workflow.Engines.Local.Tests.Import;

/// <summary>Builds small .docx files in memory so no binary fixtures are committed.</summary>
internal static class DocxBuilder
{
    public static MemoryStream Build(params Paragraph[] paragraphs)
    {
        var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.Document = new Document(new Body(paragraphs));
        }
        stream.Position = 0;
        return stream;
    }

    public static Paragraph Para(params OpenXmlElement[] runs) => new(runs);

    public static Paragraph Para(string text) => new(Plain(text));

    public static Run Plain(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    public static Run Bold(string text) =>
        new(new RunProperties(new Bold()), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
}
