using System.Globalization;
using System.Text;

namespace Workflow.Domain.Exports.Csv;

/// <summary>
/// The coded segments of a study as CSV, one row per segment and code. Respondent roles and
/// participants are the recording's (a focus group lists several, separated by "; "), or the one
/// participant whose id is the segment's speaker when the transcript labels speakers by id.
/// </summary>
public static class CodedSegmentCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "study_id", "site_id", "site", "format", "respondent_roles", "participants", "recording_id", "segment_id", "speaker",
        "start_seconds", "end_seconds", "code_id", "code_name", "theme_id", "theme", "origin", "decided_by", "text",
    ];

    /// <summary>Writes the CSV (UTF-8, no byte-order mark, CRLF rows) to <paramref name="output"/>.</summary>
    public static async Task WriteAsync(StudyExportData data, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 64 * 1024, leaveOpen: true);
        await writer.WriteAsync(CsvCell.Row(Header));
        foreach (var row in Rows(data))
            await writer.WriteAsync(CsvCell.Row(row).AsMemory(), ct);
    }

    /// <summary>The data rows, in recording, segment and code order.</summary>
    public static IEnumerable<string?[]> Rows(StudyExportData data)
    {
        var codebook = data.Codebook;
        foreach (var recording in data.Recordings)
        {
            var metadata = recording.Metadata;
            var text = TranscriptText.Of(recording.Transcript);
            foreach (var segment in recording.Transcript.Segments)
            {
                if (segment.Codes.Count == 0) continue;
                var utterance = text.UtteranceOf(segment);
                var speakers = SegmentParticipants.Of(metadata, segment.Speaker);
                var words = text.SegmentText(segment);
                foreach (var code in segment.Codes)
                {
                    var theme = codebook.Find(code.CodeId)?.Parent is { } parent ? codebook.Find(parent) : null;
                    yield return
                    [
                        data.StudyId, metadata.SiteId, data.SiteName(metadata.SiteId), ExportLabels.Format(metadata.Format),
                        string.Join("; ", speakers.Select(p => ExportLabels.Role(p.Role)).Distinct()),
                        string.Join("; ", speakers.Select(p => p.ParticipantId)),
                        recording.RecordingId, segment.Id, segment.Speaker,
                        Seconds(utterance?.StartSeconds), Seconds(utterance?.EndSeconds),
                        code.CodeId, codebook.Find(code.CodeId)?.Name ?? code.CodeName, theme?.Id, theme?.Name,
                        code.Origin.ToString(), code.DecidedBy, words,
                    ];
                }
            }
        }
    }

    private static string? Seconds(double? value) => value?.ToString("0.###", CultureInfo.InvariantCulture);
}
