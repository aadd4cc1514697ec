using Workflow.Cli.Uploads;

namespace Workflow.Cli.Tests.Client;

public sealed class CsvReaderTests
{
    [Fact]
    public void QuotedFields_HoldCommasQuotesAndLineBreaks_AndRecordsKeepTheirStartingLine()
    {
        var records = CsvReader.Read("\uFEFFa,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\n\"two\nlines\",z\nlast,\n");

        Assert.Equal([1, 2, 4, 6], records.Select(r => r.Line));
        Assert.Equal(["a", "b"], records[0].Fields);
        Assert.Equal(["x, y", "say \"hi\""], records[1].Fields);
        Assert.Equal(["two\nlines", "z"], records[2].Fields);
        Assert.Equal(["last", ""], records[3].Fields);
    }

    [Fact]
    public void AnUnclosedQuote_IsAFormatError_NamingItsLine()
    {
        var e = Assert.Throws<FormatException>(() => CsvReader.Read("a,b\nc,\"open\n"));
        Assert.Contains("line 2", e.Message);
    }
}
