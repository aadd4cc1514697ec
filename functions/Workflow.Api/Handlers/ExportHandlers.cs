using Workflow.Domain.Audit;
using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Exports;
using Workflow.Domain.Exports.Csv;
using Workflow.Domain.Exports.Qda;
using Workflow.Domain.Exports.Reports;
using Workflow.Domain.Ports;
using Workflow.Exports;

namespace Workflow.Api.Handlers;

/// <summary>
/// Leads take a study's verified, de-identified material out: REFI-QDA, CSV, JSON and DOCX exports and
/// the code report. Identifiable exports are refused until the audit trail can record them.
/// </summary>
public sealed class ExportHandlers(StudyExportLoader loader, IWorkArea workArea, IAuditTrail audit, TimeProvider time)
{
    private static readonly string KnownFormats = string.Join(", ", ExportFormat.All.Select(f => f.Name));

    public async Task<IResult> ExportAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (RefuseIdentifiable(call.Request) is { } refusal) return refusal;
        var format = ExportFormat.Find(call.Route("format"));
        if (format is null) return Problems.BadRequest($"'{call.Route("format")}' is not an export format; use one of: {KnownFormats}.");

        var (data, problem) = await LoadAsync(studyId, ct);
        if (data is null) return problem!;
        var fileName = $"{studyId}-{format.FileSuffix}";
        // Recorded before anything is sent: who took which material out of the system, and how much.
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.Exported, studyId,
            ("format", format.Name), ("recordings", data.Recordings.Count), ("identifiable", false)), ct);
        return format.Name switch
        {
            "qdpx" => new ExportFileResult(format.ContentType, fileName, (s, _) => { QdpxPackage.Write(data, s); return Task.CompletedTask; }, workArea),
            "docx" => new ExportFileResult(format.ContentType, fileName, (s, token) => DocxBundle.WriteAsync(data, s, token), workArea),
            "csv" => new ExportFileResult(format.ContentType, fileName, (s, token) => CodedSegmentCsv.WriteAsync(data, s, token), null),
            _ => new ExportFileResult(format.ContentType, fileName, (s, token) => StudyExportJson.WriteAsync(data, s, token), null),
        };
    }

    public async Task<IResult> CodeReportAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (RefuseIdentifiable(call.Request) is { } refusal) return refusal;
        var format = call.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : CodeReportFormats.Html;
        if (format is not (CodeReportFormats.Html or CodeReportFormats.Csv or CodeReportFormats.Png))
            return Problems.BadRequest($"'{format}' is not a report format; use html, csv or png.");

        var (data, problem) = await LoadAsync(studyId, ct);
        if (data is null) return problem!;
        var report = CodeReportBuilder.Build(data);
        if (format == CodeReportFormats.Csv)
        {
            call.Request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{studyId}-code-report.csv\"";
            return TypedResults.Text(CodeReportCsv.Write(report), "text/csv; charset=utf-8");
        }
        if (format == CodeReportFormats.Png)
            return TypedResults.File(CodeReportPng.CodeTotals(report), "image/png", $"{studyId}-codes.png");
        return TypedResults.Content(CodeReportHtml.Write(report, time.GetUtcNow()), "text/html; charset=utf-8");
    }

    private async Task<(StudyExportData? Data, IResult? Problem)> LoadAsync(string studyId, CancellationToken ct)
    {
        var loaded = await loader.LoadAsync(studyId, ct);
        if (!loaded.StudyExists) return (null, StudyHandlers.UnknownStudy(studyId));
        if (loaded.Data is null)
            return (null, Problems.Conflict($"Study '{studyId}' has nothing verified yet: no recording has a final, verified transcript to export."));
        return (loaded.Data, null);
    }

    /// <summary>
    /// Exports hold de-identified material only. An identifiable one must be recorded in the audit
    /// trail, which does not exist yet, so asking for one is refused rather than quietly ignored.
    /// </summary>
    private static IResult? RefuseIdentifiable(HttpRequest request)
    {
        var value = request.Query["identifiable"].ToString();
        if (value.Length == 0 || value.Equals("false", StringComparison.OrdinalIgnoreCase)) return null;
        return value.Equals("true", StringComparison.OrdinalIgnoreCase)
            ? Problems.BadRequest("identifiable exports are not available yet (they need the audit trail).")
            : Problems.BadRequest($"identifiable must be true or false, not '{value}'.");
    }
}
