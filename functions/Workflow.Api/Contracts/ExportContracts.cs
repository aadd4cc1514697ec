namespace Workflow.Api.Contracts;

/// <summary>
/// The formats of <c>GET /api/studies/{studyId}/exports/{format}</c>, each with what it is sent as.
/// <c>docx</c> is a zip with one <c>{recordingId}.docx</c> per verified recording.
/// </summary>
public sealed record ExportFormat(string Name, string ContentType, string FileSuffix)
{
    public static readonly IReadOnlyList<ExportFormat> All =
    [
        new("qdpx", "application/zip", "project.qdpx"),
        new("csv", "text/csv; charset=utf-8", "coded-segments.csv"),
        new("json", "application/json; charset=utf-8", "export.json"),
        new("docx", "application/zip", "transcripts-docx.zip"),
    ];

    /// <summary>The format called <paramref name="name"/> (any case), or null.</summary>
    public static ExportFormat? Find(string name) => All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The formats of the report routes (<c>?format=</c>): html by default, csv, or png. The code report's
/// PNG is the chart of coded segments per code, or with <c>chart=agreement</c> per-code agreement; the
/// throughput report's is seconds per pass by stage.
/// </summary>
public static class CodeReportFormats
{
    public const string Html = "html";
    public const string Csv = "csv";
    public const string Png = "png";
}
