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
    public void DifferentCounts_GiveDifferentPictures()
    {
        var report = CodeReportBuilder.Build(ExportSamples.Study());
        var changed = report with { Codes = [report.Codes[0] with { Total = 40 }, .. report.Codes.Skip(1)] };

        Assert.NotEqual(CodeReportPng.CodeTotals(report), CodeReportPng.CodeTotals(changed));
    }
}
