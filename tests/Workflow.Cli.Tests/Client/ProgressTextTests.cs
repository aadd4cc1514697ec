using Workflow.Cli.Api;
using Workflow.Cli.Progress;

namespace Workflow.Cli.Tests.Client;

public sealed class ProgressTextTests
{
    [Theory]
    [InlineData(0, 10, "[----------]")]
    [InlineData(5, 10, "[#####-----]")]
    [InlineData(9, 10, "[#########-]")]
    [InlineData(10, 10, "[##########]")]
    [InlineData(12, 10, "[##########]")]
    [InlineData(3, 0, "[----------]")]
    public void Bar_FillsTheDoneShare(long done, long total, string expected) => Assert.Equal(expected, ProgressText.Bar(done, total, 10));

    [Theory]
    [InlineData(999, 1000, " 99%")]
    [InlineData(1000, 1000, "100%")]
    [InlineData(1, 0, " --%")]
    public void Percent_RoundsDown_SoOnlyFinishedIs100(long done, long total, string expected) => Assert.Equal(expected, ProgressText.Percent(done, total));

    [Theory]
    [InlineData(0, "0 B")]
    [InlineData(1023, "1023 B")]
    [InlineData(1536, "1.5 KiB")]
    [InlineData(5 * 1024 * 1024, "5.0 MiB")]
    public void Bytes_AreForPeople(long bytes, string expected) => Assert.Equal(expected, ProgressText.Bytes(bytes));

    [Fact]
    public void UploadLine_ShowsNameBarAndSizes_AndFitCutsLongLines()
    {
        Assert.Equal("a.wav [############------------]  50% 1.0 KiB / 2.0 KiB", ProgressText.UploadLine("a.wav", 1024, 2048));
        Assert.Equal("abcdefgh…", ProgressText.Fit("abcdefghijklmnop", 10));
        Assert.Equal("short", ProgressText.Fit("short", 10));
    }

    [Fact]
    public void BatchLine_CountsFinishedRecordingsInTheBar()
    {
        var status = new BatchStatus("op-1", "Running", "Coding", new BatchCounts(4, 1, 1, 1, 1, 1, 0, 0, CancelRequested: true), [], [], []);
        Assert.Equal("[############------------] 2/4 Running: 1 done, 1 failed, 1 running, 1 queued, 1 waiting for coders (cancel requested)", WatchProgress.BatchLine(status));
    }
}
