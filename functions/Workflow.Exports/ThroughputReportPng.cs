using Workflow.Domain.Exports.Reports;

namespace Workflow.Exports;

/// <summary>The throughput report's chart as PNG: median and 90th-percentile seconds per pass, per stage that has ended passes.</summary>
public static class ThroughputReportPng
{
    public static byte[] StageDurations(ThroughputReport report)
    {
        var stages = report.Stages.Where(s => s.Passes > 0).ToList();
        return HorizontalBarChartPng.Render($"Seconds per pass by stage ({report.Recordings} recordings)", "Seconds",
            stages.Select(s => ThroughputReportText.Label(s.Stage)).ToList(),
            [new("Median", stages.Select(s => s.MedianSeconds).ToList()), new("90th percentile", stages.Select(s => s.P90Seconds).ToList())]);
    }

    /// <summary>The PNG's height for <paramref name="stages"/> stages with ended passes.</summary>
    public static int HeightFor(int stages) => HorizontalBarChartPng.HeightFor(stages, 2);
}
