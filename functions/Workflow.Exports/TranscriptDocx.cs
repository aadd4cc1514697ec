using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Workflow.Domain.Exports;
using Workflow.Domain.Results;

namespace Workflow.Exports;

/// <summary>
/// One verified transcript as a Word document: a heading with site, format and participants, a
/// paragraph per utterance (speaker and time in bold), and each coded segment as a Word comment over
/// its words naming its codes, themes and who decided them. Overlapping segments get overlapping comments.
/// </summary>
public static class TranscriptDocx
{
    public static void Write(StudyExportData data, RecordingExport recording, Stream output)
    {
        using var document = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var comments = main.AddNewPart<WordprocessingCommentsPart>();
        comments.Comments = new Comments();
        var body = new Body();
        main.Document = new Document(body);

        var metadata = recording.Metadata;
        body.Append(Heading($"{data.StudyName}: recording {recording.RecordingId}"));
        var participants = string.Join(", ", metadata.Participants.Select(p => $"{p.ParticipantId} ({ExportLabels.Role(p.Role)})"));
        body.Append(new Paragraph(Plain($"{data.SiteName(metadata.SiteId)}, {ExportLabels.Format(metadata.Format)}; participants: {participants}. De-identified, verified transcript.")));

        var transcript = recording.Transcript;
        var bySegment = transcript.Segments.Where(s => s.Codes.Count > 0).ToLookup(s => s.UtteranceIndex);
        var nextId = 0;
        foreach (var utterance in transcript.Utterances)
        {
            var paragraph = new Paragraph(Strong(TranscriptText.LinePrefix(utterance)));
            var text = utterance.Text;
            var segments = bySegment[utterance.Index]
                .Select(s => (Segment: s, Start: Math.Clamp(s.Start, 0, text.Length), End: Math.Clamp(s.End, 0, text.Length), Id: (nextId++).ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .Where(s => s.End > s.Start)
                .ToList();
            foreach (var s in segments) comments.Comments.Append(Comment(s.Id, s.Segment, data, recording.MemoList, transcript.FinalizedAt));

            var cuts = segments.SelectMany(s => new[] { s.Start, s.End }).Append(0).Append(text.Length).Distinct().Order().ToList();
            for (var i = 0; i < cuts.Count; i++)
            {
                var at = cuts[i];
                foreach (var s in segments.Where(s => s.End == at))
                {
                    paragraph.Append(new CommentRangeEnd { Id = s.Id });
                    paragraph.Append(new Run(new CommentReference { Id = s.Id }));
                }
                foreach (var s in segments.Where(s => s.Start == at)) paragraph.Append(new CommentRangeStart { Id = s.Id });
                if (i + 1 < cuts.Count && cuts[i + 1] > at) paragraph.Append(Plain(text[at..cuts[i + 1]]));
            }
            body.Append(paragraph);
        }
        main.Document.Save();
        comments.Comments.Save();
    }

    private static Comment Comment(string id, CodedSegment segment, StudyExportData data, IReadOnlyList<CodingMemo> memos, DateTimeOffset decidedAt)
    {
        var comment = new Comment { Id = id, Author = XmlText.Safe(segment.Codes[0].DecidedBy), Initials = "QW", Date = decidedAt.UtcDateTime };
        foreach (var code in segment.Codes)
        {
            var entry = data.Codebook.Find(code.CodeId);
            var theme = entry?.Parent is { } parent ? data.Codebook.Find(parent)?.Name : null;
            var line = $"{entry?.Name ?? code.CodeName} [{code.CodeId}]" + (theme is null ? "" : $", theme {theme}") + $"; {code.Origin.ToString().ToLowerInvariant()} by {code.DecidedBy}";
            comment.Append(new Paragraph(Plain(line)));
        }
        foreach (var memo in memos.Where(m => m.SegmentId == segment.Id))
            comment.Append(new Paragraph(Plain($"Memo by {memo.Author}: {memo.Text}")));
        return comment;
    }

    private static Paragraph Heading(string text) =>
        new(new Run(new RunProperties(new Bold(), new FontSize { Val = "32" }), TextOf(text)));

    private static Run Strong(string text) => new(new RunProperties(new Bold()), TextOf(text));

    private static Run Plain(string text) => new(TextOf(text));

    private static Text TextOf(string text) => new(XmlText.Safe(text)) { Space = SpaceProcessingModeValues.Preserve };
}
