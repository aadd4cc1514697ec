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
/// Leads take a study's verified material out: REFI-QDA, CSV, JSON and DOCX exports and the code
/// report. Exports are de-identified unless the lead asks for identifiable material and names why
/// (<see cref="ExportRequest"/>); either way the export is in the audit trail before a byte is sent.
/// </summary>
public sealed class ExportHandlers(StudyExportLoader loader, HumanMachineSampleReader agreement, IWorkArea workArea, IAuditTrail audit, TimeProvider time)
{
    private static readonly string KnownFormats = string.Join(", ", ExportFormat.All.Select(f => f.Name));

    public async Task<IResult> ExportAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        var (request, invalid) = ExportRequest.Parse(call.Request);
        if (request is null) return Problems.BadRequest(invalid!);
        var format = ExportFormat.Find(call.Route("format"));
        if (format is null) return Problems.BadRequest($"'{call.Route("format")}' is not an export format; use one of: {KnownFormats}.");

        var (data, problem) = await LoadAsync(studyId, request, ct);
        if (data is null) return problem!;
        var fileName = request.Identifiable ? $"{studyId}-IDENTIFIABLE-{format.FileSuffix}" : $"{studyId}-{format.FileSuffix}";
        // Recorded before anything is sent: who took which material out of the system, how much, and
        // for an identifiable export why. If the trail cannot record it, nothing is sent.
        await audit.AppendAsync(studyId, AuditEntries.For(call, AuditAction.Exported, studyId, ExportDetails(format, data, request)), ct);
        if (request.Identifiable) call.Request.HttpContext.Response.Headers.CacheControl = "no-store";
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
        if (call.Request.Query.ContainsKey("identifiable"))
            return Problems.BadRequest("The code report holds counts only; it has no identifiable form (leave identifiable out).");
        var format = call.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : CodeReportFormats.Html;
        if (format is not (CodeReportFormats.Html or CodeReportFormats.Csv or CodeReportFormats.Png))
            return Problems.BadRequest($"'{format}' is not a report format; use html, csv or png.");
        var chart = call.Request.Query["chart"].ToString() is { Length: > 0 } c ? c.ToLowerInvariant() : CodeReportPng.Codes;
        if (format == CodeReportFormats.Png && chart is not (CodeReportPng.Codes or CodeReportPng.Agreement))
            return Problems.BadRequest($"'{chart}' is not a chart of the code report; use {CodeReportPng.Codes} or {CodeReportPng.Agreement}.");

        var (data, problem) = await LoadAsync(studyId, ExportRequest.Default with { Memos = false }, ct);
        if (data is null) return problem!;
        var report = CodeReportBuilder.Build(data, await agreement.ReadAsync(studyId, ct));
        if (format == CodeReportFormats.Csv)
        {
            call.Request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{studyId}-code-report.csv\"";
            return TypedResults.Text(CodeReportCsv.Write(report), "text/csv; charset=utf-8");
        }
        if (format == CodeReportFormats.Png && chart == CodeReportPng.Agreement)
            return CodeReportPng.AgreementChart(report) is { } png
                ? TypedResults.File(png, "image/png", $"{studyId}-agreement.png")
                : Problems.Conflict($"Study '{studyId}' has no agreement to chart yet: no segment's code suggestions have all been decided.");
        if (format == CodeReportFormats.Png)
            return TypedResults.File(CodeReportPng.CodeTotals(report), "image/png", $"{studyId}-codes.png");
        return TypedResults.Content(CodeReportHtml.Write(report, time.GetUtcNow()), "text/html; charset=utf-8");
    }

    private async Task<(StudyExportData? Data, IResult? Problem)> LoadAsync(string studyId, ExportRequest request, CancellationToken ct)
    {
        var loaded = await loader.LoadAsync(studyId, request, ct);
        if (!loaded.StudyExists) return (null, StudyHandlers.UnknownStudy(studyId));
        if (loaded.Data is null) return (null, Problems.Conflict(loaded.Problem!));
        return (loaded.Data, null);
    }

    /// <summary>Ids, counts and the purpose's name only: the trail never holds text a person typed.</summary>
    private static (string, object)[] ExportDetails(ExportFormat format, StudyExportData data, ExportRequest request)
    {
        var details = new List<(string, object)>
        {
            ("format", format.Name), ("recordings", data.Recordings.Count), ("identifiable", request.Identifiable),
            ("memos", data.Recordings.Sum(r => r.MemoList.Count)),
        };
        if (request.Purpose is { } purpose) details.Add(("purpose", IdentifiableExportPurposes.Name(purpose)));
        if (request.Participant is { } participant) details.Add(("participant", participant));
        return [.. details];
    }
}
