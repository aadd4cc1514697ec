using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Workflow.Domain.Tests.Exports;
using Workflow.Exports;

namespace Workflow.Exports.Tests;

public class TranscriptDocxTests
{
    private static MemoryStream Docx(int recording)
    {
        var data = ExportSamples.Study();
        var output = new MemoryStream();
        TranscriptDocx.Write(data, data.Recordings[recording], output);
        output.Position = 0;
        return output;
    }

    /// <summary>The words between each comment's range start and end, in document order.</summary>
    private static Dictionary<string, string> CommentedWords(Body body)
    {
        var open = new HashSet<string>();
        var words = new Dictionary<string, string>();
        foreach (var element in body.Descendants())
        {
            switch (element)
            {
                case CommentRangeStart start: open.Add(start.Id!.Value!); words[start.Id!.Value!] = ""; break;
                case CommentRangeEnd end: open.Remove(end.Id!.Value!); break;
                case Text text when text.Parent is Run run && run.RunProperties?.Bold is null:
                    foreach (var id in open) words[id] += text.Text;
                    break;
            }
        }
        return words;
    }

    [Fact]
    public void EachCodedSegment_IsACommentOverExactlyItsWords_NamingItsCodesThemesAndDeciders()
    {
        using var stream = Docx(0);
        using var document = WordprocessingDocument.Open(stream, false);
        var main = document.MainDocumentPart!;
        var comments = main.WordprocessingCommentsPart!.Comments!.Elements<Comment>().ToList();

        Assert.Equal(2, comments.Count);
        var words = CommentedWords(main.Document!.Body!);
        Assert.Equal(ExportSamples.CafeCoded, words[comments[0].Id!.Value!]);
        var lines = comments[0].Elements<Paragraph>().Select(p => p.InnerText).ToList();
        Assert.Equal("Waiting lists [c-waiting], theme Access; accepted by coder-1", lines[0]);
        Assert.Equal("Stigma [c-stigma], theme Access; accepted by coder-2", lines[1]);
        Assert.Equal("Memo by coder-2: Judged by staff, \"not\" by peers.", lines[2]);
        Assert.Equal("coder-1", comments[0].Author!.Value);
    }

    [Fact]
    public void TheBody_HoldsEveryUtterance_WithSpeakerAndTime()
    {
        using var stream = Docx(0);
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart!.Document!.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();

        Assert.Contains("[00:00:03] P017: " + ExportSamples.CafeLine, paragraphs);
        Assert.Contains(paragraphs, p => p.StartsWith("Site A, Individual interview; participants: P017 (Service user)", StringComparison.Ordinal));
    }

    [Fact]
    public void OverlappingSegments_GetOverlappingComments()
    {
        var data = ExportSamples.Study();
        var focus = data.Recordings[1];
        var overlapping = focus.Transcript.Segments[0] with { Id = "s9", Start = focus.Transcript.Segments[0].Start + 4, End = focus.Transcript.Utterances[0].Text.Length };
        focus = focus with { Transcript = focus.Transcript with { Segments = [.. focus.Transcript.Segments, overlapping] } };
        using var output = new MemoryStream();

        TranscriptDocx.Write(data, focus, output);

        output.Position = 0;
        using var document = WordprocessingDocument.Open(output, false);
        var words = CommentedWords(document.MainDocumentPart!.Document!.Body!).Values.ToList();
        Assert.Contains("the forum listens now", words);
        Assert.Contains("forum listens now, and the waiting list is shorter.", words);
    }

    [Fact]
    public async Task TheBundle_HoldsOneDocxPerRecording()
    {
        using var output = new MemoryStream();

        await DocxBundle.WriteAsync(ExportSamples.Study(), output, CancellationToken.None);

        output.Position = 0;
        using var zip = new ZipArchive(output);
        Assert.Equal(["rec-a.docx", "rec-b.docx"], zip.Entries.Select(e => e.FullName));
        using var entry = new MemoryStream();
        await using (var stream = await zip.Entries[1].OpenAsync()) await stream.CopyToAsync(entry);
        using var document = WordprocessingDocument.Open(entry, false);
        Assert.Equal(2, document.MainDocumentPart!.WordprocessingCommentsPart!.Comments!.Elements<Comment>().Count());
    }
}
