using System.Text;
using Workflow.Domain.Exports;
using Workflow.Domain.Exports.Csv;

namespace Workflow.Domain.Tests.Exports;

public class CsvTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("", "")]
    public void Cells_AreQuotedAsRfc4180Says(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Format(value));

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+44 20", "'+44 20")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tcmd", "'\tcmd")]
    [InlineData("a=b", "a=b")]
    public void CellsThatASpreadsheetWouldRunAsFormulas_GetALeadingApostrophe(string value, string expected) =>
        Assert.Equal(expected, CsvCell.Format(value));

    private static async Task<List<List<string>>> ExportAsync(StudyExportData data)
    {
        using var output = new MemoryStream();
        await CodedSegmentCsv.WriteAsync(data, output, CancellationToken.None);
        var csv = Encoding.UTF8.GetString(output.ToArray());
        Assert.False(csv.StartsWith('\uFEFF'));
        return CsvReader.Parse(csv);
    }

    [Fact]
    public async Task CodedSegments_GiveOneRowPerSegmentAndCode_WithAHeader()
    {
        var rows = await ExportAsync(ExportSamples.Study());

        Assert.Equal(CodedSegmentCsv.Header, rows[0]);
        Assert.All(rows, r => Assert.Equal(CodedSegmentCsv.Header.Count, r.Count));
        Assert.Equal(["rec-a/s0/c-waiting", "rec-a/s0/c-stigma", "rec-a/s1/c-meetings", "rec-b/s0/c-meetings", "rec-b/s0/c-waiting", "rec-b/s1/c-stigma"],
            rows.Skip(1).Select(r => $"{r[6]}/{r[7]}/{r[11]}"));
    }

    [Fact]
    public async Task ARow_CarriesSiteRoleParticipantTimesThemeDeciderAndTheExactWords()
    {
        var rows = await ExportAsync(ExportSamples.Study());
        var row = Enumerable.Range(0, rows[0].Count).ToDictionary(i => rows[0][i], i => rows[2][i]);

        Assert.Equal("study-x", row["study_id"]);
        Assert.Equal("Site A", row["site"]);
        Assert.Equal("Service user", row["respondent_roles"]);
        Assert.Equal("P017", row["participants"]);
        Assert.Equal("3.2", row["start_seconds"]);
        Assert.Equal("9.9", row["end_seconds"]);
        Assert.Equal("Stigma", row["code_name"]);
        Assert.Equal("Access", row["theme"]);
        Assert.Equal("coder-2", row["decided_by"]);
        Assert.Equal(ExportSamples.CafeCoded, row["text"]);
    }

    [Fact]
    public async Task TranscriptWordsThatLookLikeAFormula_AreGuarded_AndSurviveQuoting()
    {
        var rows = await ExportAsync(ExportSamples.Study());

        Assert.Equal("'=SUM(A1) is what \"they\" wrote, then -1, then @me.", rows[3][^1]);
    }

    [Fact]
    public async Task AFocusGroupSegment_IsCreditedToTheSpeaker_WhenTheSpeakerIsAParticipantId_ElseToEveryone()
    {
        var rows = await ExportAsync(ExportSamples.Study());

        Assert.Equal(("Carer", "P021"), (rows[6][4], rows[6][5]));
        var unmatched = ExportSamples.FocusGroup().Metadata;
        Assert.Equal(["P020", "P021"], SegmentParticipants.Of(unmatched, "Speaker 1").Select(p => p.ParticipantId));
    }
}
