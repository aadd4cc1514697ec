using System.IO.Compression;
using System.Text;

namespace Workflow.Engines.Local.Tests.Import;

/// <summary>
/// Writes a .docx package by hand, part by part, so a test can put XML into word/document.xml that
/// the Open XML SDK would never write itself (a DTD, entities, absurd nesting).
/// </summary>
internal static class RawDocx
{
    public const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private const string ContentTypes =
        """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""";

    private const string Relationships =
        """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""";

    /// <summary>A package whose main document part is exactly <paramref name="documentXml"/>.</summary>
    public static MemoryStream Build(string documentXml) => Build(Encoding.UTF8.GetBytes(documentXml));

    public static MemoryStream Build(byte[] documentXml)
    {
        var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes));
            Write(zip, "_rels/.rels", Encoding.UTF8.GetBytes(Relationships));
            Write(zip, "word/document.xml", documentXml);
        }
        stream.Position = 0;
        return stream;
    }

    /// <summary>A document whose body holds <paramref name="bodyXml"/>, with an optional prolog (DOCTYPE) before it.</summary>
    public static MemoryStream WithBody(string bodyXml, string prolog = "") =>
        Build($"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>{prolog}<w:document xmlns:w="{WordNamespace}"><w:body>{bodyXml}</w:body></w:document>""");

    /// <summary>One paragraph with one run of <paramref name="text"/> (already XML: entity references pass through).</summary>
    public static string Paragraph(string textXml) => $"<w:p><w:r><w:t xml:space=\"preserve\">{textXml}</w:t></w:r></w:p>";

    private static void Write(ZipArchive zip, string name, byte[] content)
    {
        using var part = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        part.Write(content);
    }
}
