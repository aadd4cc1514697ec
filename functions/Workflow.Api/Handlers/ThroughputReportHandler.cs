using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Exports.Reports;
using Workflow.Exports;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// <c>GET /api/studies/{studyId}/reports/throughput</c> (lead): the pipeline's throughput per stage
/// over every recording of the study, verified or not, as HTML (default), CSV or a PNG chart of seconds per pass. Reads the recordings'
/// status rows only: ids, stages and times.
/// </summary>
public sealed class ThroughputReportHandler(StudyRepository studies, RecordingRepository recordings, TimeProvider time)
{
    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        var format = call.Request.Query["format"].ToString() is { Length: > 0 } f ? f.ToLowerInvariant() : CodeReportFormats.Html;
        if (format is not (CodeReportFormats.Html or CodeReportFormats.Csv or CodeReportFormats.Png))
            return Problems.BadRequest($"'{format}' is not a throughput report format; use html, csv or png.");
        var study = await studies.GetAsync(studyId, ct);
        if (study is null) return StudyHandlers.UnknownStudy(studyId);

        var report = ThroughputReportBuilder.Build(studyId, study.Name, await recordings.ListByStudyAsync(studyId, ct));
        if (format == CodeReportFormats.Csv)
        {
            call.Request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"{studyId}-throughput.csv\"";
            return TypedResults.Text(ThroughputReportText.Csv(report), "text/csv; charset=utf-8");
        }
        if (format == CodeReportFormats.Png)
            return TypedResults.File(ThroughputReportPng.StageDurations(report), "image/png", $"{studyId}-throughput.png");
        return TypedResults.Content(ThroughputReportText.Html(report, time.GetUtcNow()), "text/html; charset=utf-8");
    }
}
