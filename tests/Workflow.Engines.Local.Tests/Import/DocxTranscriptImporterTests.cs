using System.IO.Compression;
using DocumentFormat.OpenXml.Wordprocessing;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Import;
using static Workflow.Engines.Local.Tests.Import.DocxBuilder;

namespace Workflow.Engines.Local.Tests.Import;

public class DocxTranscriptImporterTests
{
    private readonly DocxTranscriptImporter importer = new();

    [Fact]
    public void Import_TaggedParagraphs_MakesOneTurnPerTag()
    {
        using var docx = Build(Para("Interviewer: How did it start?"), Para(""), Para("Participant: With a friend."));

        var transcript = importer.Import("rec-1", docx);

        Assert.Equal("import:docx", transcript.Source);
        Assert.Equal(["Interviewer", "Participant"], transcript.Utterances.Select(u => u.Speaker));
        Assert.Equal(["How did it start?", "With a friend."], transcript.Utterances.Select(u => u.Text));
        Assert.Equal([0, 1], transcript.Utterances.Select(u => u.Index));
    }

    [Fact]
    public void Import_TextSplitAcrossRuns_IsJoinedWithinTheParagraph()
    {
        using var docx = Build(Para(Plain("Partici"), Plain("pant: It was "), Bold("really"), Plain(" hard.")));

        var transcript = importer.Import("rec-1", docx);

        Assert.Equal("It was really hard.", Assert.Single(transcript.Utterances).Text);
    }

    [Fact]
    public void Import_UntaggedParagraphsAndLineBreaks_ContinueTheTurn()
    {
        using var docx = Build(
            Para(Plain("Participant: First line."), new Run(new Break()), Plain("Second line.")),
            Para("Another paragraph."),
            Para("Interviewer: Thanks."));

        var transcript = importer.Import("rec-1", docx);

        Assert.Equal("First line. Second line. Another paragraph.", transcript.Utterances[0].Text);
        Assert.Equal(2, transcript.Utterances.Count);
    }

    [Theory]
    [InlineData("Interviewer", " So how did it start?")]
    [InlineData("Interviewer:", " So how did it start?")]
    [InlineData("Interviewer ", "So how did it start?")]
    public void Import_BoldSpeakerFollowedByPlainText_StartsATurn(string bold, string plain)
    {
        using var docx = Build(Para(Bold(bold), Plain(plain)));

        var turn = Assert.Single(importer.Import("rec-1", docx).Utterances);

        Assert.Equal(("Interviewer", "So how did it start?"), (turn.Speaker, turn.Text));
    }

    [Fact]
    public void Import_BoldWordsThatAreNotAName_StayPartOfTheTurn()
    {
        using var docx = Build(Para("Participant: It was hard."), Para(Bold("Really, so hard"), Plain(" for me.")));

        var turn = Assert.Single(importer.Import("rec-1", docx).Utterances);

        Assert.Equal("It was hard. Really, so hard for me.", turn.Text);
    }

    [Fact]
    public void Import_ParagraphBeforeTheFirstTag_NamesTheParagraph()
    {
        using var docx = Build(Para(""), Para("Notes about Secret Name"), Para("Interviewer: Hello."));

        var error = Assert.Throws<TranscriptFormatException>(() => importer.Import("rec-1", docx));

        Assert.StartsWith("Paragraph 2 has no speaker", error.Message);
        Assert.DoesNotContain("Secret", error.Message);
    }

    [Fact]
    public void Import_DocumentWithoutTurns_Throws()
    {
        using var docx = Build(Para("Just prose."));

        var error = Assert.Throws<TranscriptFormatException>(() => importer.Import("rec-1", docx));

        Assert.StartsWith("No speaker turns found", error.Message);
    }

    [Fact]
    public void Import_NonSeekableStream_IsRead()
    {
        using var docx = Build(Para("P1: Hello."));

        var transcript = importer.Import("rec-1", new NonSeekableStream(docx));

        Assert.Equal("Hello.", Assert.Single(transcript.Utterances).Text);
    }

    public static TheoryData<string, byte[]> Unreadable => new()
    {
        { "plain text", "Interviewer: hello"u8.ToArray() },
        { "empty", [] },
        { "zip without a document", ZipWith("readme.txt", "hello") },
        { "truncated docx", Truncated() },
        { "broken document xml", Rewritten(zip => Replace(zip, "word/document.xml", "<w:document")) },
        { "package without a document", Rewritten(zip => zip.GetEntry("word/document.xml")!.Delete()) },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public void Import_CorruptOrNonZipFile_ThrowsUnreadable(string kind, byte[] bytes)
    {
        var error = Assert.Throws<TranscriptFormatException>(() => importer.Import("rec-1", new MemoryStream(bytes)));

        Assert.True(error.Message == "The file is not a readable .docx document.", kind);
    }

    private static byte[] ZipWith(string entry, string content)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        using (var writer = new StreamWriter(zip.CreateEntry(entry).Open()))
            writer.Write(content);
        return stream.ToArray();
    }

    private static byte[] Rewritten(Action<ZipArchive> change)
    {
        using var docx = Build(Para("Interviewer: hello"));
        using (var zip = new ZipArchive(docx, ZipArchiveMode.Update, leaveOpen: true)) change(zip);
        return docx.ToArray();
    }

    private static void Replace(ZipArchive zip, string entry, string content)
    {
        zip.GetEntry(entry)!.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
        writer.Write(content);
    }

    private static byte[] Truncated()
    {
        using var docx = Build(Para("Interviewer: hello"));
        return docx.ToArray()[..(int)(docx.Length / 2)];
    }
}
