using System.Buffers.Binary;
using Workflow.Domain.Exports.Reports;
using Workflow.Domain.Tests.Exports;

namespace Workflow.Exports.Tests;

public class CodeReportPngTests
{
    [Fact]
    public void TheChart_IsAPng_SizedForItsCodes()
    {
        var report = CodeReportBuilder.Build(ExportSamples.Study());

        var png = CodeReportPng.CodeTotals(report);

        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(CodeReportPng.Width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(CodeReportPng.HeightFor(3), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public void TheAgreementChart_HasTwoBarsPerCode_AndIsAbsentWithoutAgreement()
    {
        var sample = new Workflow.Domain.Coding.HumanMachineSample([
            new("r/s0", new HashSet<string> { "c-waiting" }, new HashSet<string> { "c-waiting" }),
            new("r/s1", new HashSet<string>(), new HashSet<string> { "c-stigma" }),
        ], 0);
        var report = CodeReportBuilder.Build(ExportSamples.Study(), sample);

        var png = CodeReportPng.AgreementChart(report)!;

        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(CodeReportPng.AgreementHeightFor(3), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Null(CodeReportPng.AgreementChart(CodeReportBuilder.Build(ExportSamples.Study())));
    }

    [Fact]
    public void TheThroughputChart_HasARowPerStageWithEndedPasses()
    {
        var stages = ThroughputReportBuilder.Stages.Select(s => new StageThroughput(s, 0, null, null, null, null, null, 0, 0)).ToList();
        stages[1] = stages[1] with { Passes = 4, MedianSeconds = 2.5, P90Seconds = 7, MaxSeconds = 9 };
        stages[2] = stages[2] with { Passes = 4, MedianSeconds = 30, P90Seconds = 41, MaxSeconds = 44 };
        var report = new ThroughputReport("s", "Study", 4, 0, stages);

        var png = ThroughputReportPng.StageDurations(report);
        var slower = ThroughputReportPng.StageDurations(report with { Stages = [.. stages.Select(s => s.Passes > 0 ? s with { MedianSeconds = 60 } : s)] });

        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(ThroughputReportPng.HeightFor(2), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.NotEqual(png, slower);
    }

    [Fact]
    public void DifferentCounts_GiveDifferentPictures()
    {
        var report = CodeReportBuilder.Build(ExportSamples.Study());
        var changed = report with { Codes = [report.Codes[0] with { Total = 40 }, .. report.Codes.Skip(1)] };

        Assert.NotEqual(CodeReportPng.CodeTotals(report), CodeReportPng.CodeTotals(changed));
    }
}
