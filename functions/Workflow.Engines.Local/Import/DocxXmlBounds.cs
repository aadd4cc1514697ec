using System.Xml;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Scans a package part as XML before the Open XML SDK loads it: a DTD (entity expansion, external
/// entities) or nesting deeper than any Word document fails with its reason. The SDK builds each
/// paragraph's tree recursively, so ten thousand nested elements would overflow the stack and kill
/// the host process instead of failing the upload.
/// </summary>
internal static class DocxXmlBounds
{
    /// <summary>Deepest element nesting accepted; Word documents, even with nested tables, stay far below.</summary>
    public const int MaxDepth = 256;

    private static readonly XmlReaderSettings Settings = new()
    {
        // Parsed only to be refused on sight: no resolver (nothing is fetched) and no entity is expanded.
        DtdProcessing = DtdProcessing.Parse,
        XmlResolver = null,
        MaxCharactersFromEntities = 1024,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = false,
    };

    /// <summary>
    /// Reads <paramref name="part"/> to its end or to the first XML error. Only the bounds are judged
    /// here: parts that are not XML (images) and malformed XML are left to the document parser.
    /// </summary>
    public static void Check(Stream part)
    {
        try
        {
            using var reader = XmlReader.Create(part, Settings);
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.DocumentType)
                    throw new TranscriptFormatException(
                        "The .docx file declares a DTD with entities (as XML 'billion laughs' and external-entity attacks do); Word never writes one, so it was not read.");
                if (reader.Depth > MaxDepth)
                    throw new TranscriptFormatException(
                        $"The .docx file nests XML elements more than {MaxDepth} levels deep, far beyond any Word document; it was not read.");
            }
        }
        catch (XmlException)
        {
            // Not XML, or malformed: the document parser reports that if it is the document part.
        }
    }
}
