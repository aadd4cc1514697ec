using System.Text.Json.Serialization;
using Workflow.Domain.Coding;
using Workflow.Domain.Recordings;
using Workflow.Domain.Results;
using Workflow.Domain.Studies;

namespace Workflow.Domain.Exports;

/// <summary>
/// Everything an export of a study is made from: de-identified material only. The codebook holds every
/// code the transcripts apply (see <see cref="ExportCodebook"/>); recordings are in a stable order, so
/// the same data always gives the same bytes.
/// </summary>
public sealed record StudyExportData(
    string StudyId,
    string StudyName,
    IReadOnlyList<Site> Sites,
    Codebook Codebook,
    IReadOnlyList<RecordingExport> Recordings)
{
    /// <summary>The site's name, or its id when the study does not list it.</summary>
    public string SiteName(string siteId) =>
        Sites.FirstOrDefault(s => string.Equals(s.Id, siteId, StringComparison.OrdinalIgnoreCase))?.Name ?? siteId;
}

/// <summary>
/// One verified recording: its metadata without free text and its final transcript. <see cref="Memos"/>
/// are coders' notes on codes; they are free text, so callers include them only when they mean to.
/// </summary>
public sealed record RecordingExport(string RecordingId, RecordingMetadata Metadata, FinalTranscript Transcript, IReadOnlyList<CodingMemo>? Memos = null)
{
    /// <summary>The memos, never null.</summary>
    [JsonIgnore]
    public IReadOnlyList<CodingMemo> MemoList => Memos ?? [];
}

/// <summary>A coder's note on one code of one segment.</summary>
public sealed record CodingMemo(string SegmentId, string CodeId, string Author, string Text);
