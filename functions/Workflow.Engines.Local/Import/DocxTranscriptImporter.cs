using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Reads Word (.docx) transcripts: each paragraph is a line for the same <c>Speaker: text</c> rules
/// as plain text, and a bold speaker name followed by plain text also starts a turn. Paragraphs are
/// streamed so a long document is not loaded as one tree.
/// </summary>
public sealed class DocxTranscriptImporter : ITranscriptImporter
{
    private const string Unreadable = "The file is not a readable .docx document.";

    /// <inheritdoc />
    public string Format => "Word document";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".docx"];

    /// <inheritdoc />
    public Transcript Import(string recordingId, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        // The zip package needs to seek; uploads and blob downloads often cannot.
        using var seekable = content.CanSeek ? null : new MemoryStream();
        if (seekable is not null)
        {
            CopyAtMost(content, seekable, DocxArchiveCheck.MaxPackageBytes);
            seekable.Position = 0;
        }
        DocxArchiveCheck.Check(seekable ?? content);

        using var document = OpenPackage(() => WordprocessingDocument.Open(seekable ?? content, false));
        // Parts load lazily, so a package missing its document fails here rather than on opening.
        var part = OpenPackage(() => document.MainDocumentPart) ?? throw new TranscriptFormatException(Unreadable);
        try
        {
            return new Transcript(recordingId, "import:docx", ReadTurns(part));
        }
        catch (Exception e) when (e is XmlException or InvalidDataException)
        {
            // Malformed document XML, or a damaged compressed entry that only fails once it is read.
            throw new TranscriptFormatException(Unreadable);
        }
    }

    private static void CopyAtMost(Stream from, Stream to, long limit)
    {
        var buffer = new byte[81920];
        int read;
        while ((read = from.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (to.Length + read > limit)
                throw new TranscriptFormatException($"The .docx file is larger than {limit / (1024 * 1024)} MB, far beyond any transcript.");
            to.Write(buffer, 0, read);
        }
    }

    private static T OpenPackage<T>(Func<T> open)
    {
        try
        {
            return open();
        }
        catch (Exception e) when (e is OpenXmlPackageException or FileFormatException or InvalidDataException
                                      or InvalidOperationException or XmlException)
        {
            // Not a zip, not an Open XML package, a package whose parts are missing (System.IO.Packaging
            // reports that as InvalidOperationException), or one whose [Content_Types].xml is malformed.
            throw new TranscriptFormatException(Unreadable);
        }
    }

    private static IReadOnlyList<Utterance> ReadTurns(MainDocumentPart part)
    {
        var parser = new SpeakerTurnParser("Paragraph");
        var number = 0;
        using var reader = OpenXmlReader.Create(part);
        while (reader.Read())
        {
            if (reader.ElementType != typeof(Paragraph) || !reader.IsStartElement) continue;
            // Loading one paragraph (with anything nested in it) keeps memory bounded by paragraph size.
            var paragraph = (Paragraph)reader.LoadCurrentElement()!;
            number++;
            foreach (var line in DocxParagraphText.Lines(paragraph)) parser.Add(line, number);
        }
        return parser.Complete();
    }
}
