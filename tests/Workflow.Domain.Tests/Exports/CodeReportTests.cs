using Workflow.Domain.Coding;
using Workflow.Domain.Exports;
using Workflow.Domain.Exports.Reports;

namespace Workflow.Domain.Tests.Exports;

public class CodeReportTests
{
    private static readonly CodeReport Report = CodeReportBuilder.Build(ExportSamples.Study());

    private static CodeRow Row(string codeId) => Report.Codes.Single(c => c.CodeId == codeId);

    [Fact]
    public void Columns_AreTheSitesAndRolesWithVerifiedRecordings_WithTheirRecordingCounts()
    {
        Assert.Equal([("site-a", 1), ("site-b", 1)], Report.Sites.Select(s => (s.Id, s.Recordings)));
        Assert.Equal([("ServiceUser", 2), ("Carer", 1)], Report.Roles.Select(r => (r.Id, r.Recordings)));
        Assert.Equal(2, Report.Recordings);
        Assert.Equal(4, Report.CodedSegments);
    }

    [Fact]
    public void Frequencies_CountCodedSegments_BySiteAndByRespondentGroup()
    {
        Assert.Equal([1, 1], Row("c-waiting").BySite);
        Assert.Equal([2, 0], Row("c-waiting").ByRole);
        Assert.Equal(2, Row("c-waiting").Total);
        Assert.Equal([1, 1], Row("c-stigma").BySite);
        Assert.Equal([1, 1], Row("c-stigma").ByRole);
        Assert.Equal([1, 1], Row("c-meetings").BySite);
        Assert.Equal([2, 0], Row("c-meetings").ByRole);
        Assert.Equal(2, Row("c-meetings").RecordingsWithCode);
        Assert.Equal(["Access", "Access", "Voice"], Report.Codes.Select(c => c.Theme));
    }

    [Fact]
    public void CoOccurrence_CountsSegmentsThatShareTwoCodes()
    {
        Assert.Equal([("c-meetings", "c-waiting", 1), ("c-stigma", "c-waiting", 1)],
            Report.CoOccurrences.Select(p => (p.CodeA, p.CodeB, p.Segments)));
    }

    [Fact]
    public void Csv_IsTidy_OneRowPerTableCodeAndColumn()
    {
        var rows = CsvReader.Parse(CodeReportCsv.Write(Report));

        Assert.Equal(CodeReportCsv.Header, rows[0]);
        Assert.Contains(["by_site", "t-access", "Access", "c-waiting", "Waiting lists", "total", "Total", "2"], rows);
        Assert.Contains(["by_respondent_role", "t-access", "Access", "c-stigma", "Stigma", "Carer", "Carer", "1"], rows);
        Assert.Contains(["co_occurrence", "t-access", "Access", "c-stigma", "Stigma", "c-waiting", "Waiting lists", "1"], rows);
        Assert.Contains(["recordings", "", "", "", "", "site-b", "Site B", "1"], rows);
    }

    [Fact]
    public void Html_IsSelfContained_WithInlineSvgCharts_AndEncodesNames()
    {
        var data = ExportSamples.Study();
        var codes = data.Codebook.Codes.Select(c => c.Id == "c-stigma" ? c with { Name = "<script>alert(1)</script>" } : c).ToList();
        var html = CodeReportHtml.Write(CodeReportBuilder.Build(data with { Codebook = data.Codebook with { Codes = codes } }), ExportSamples.Finalized);

        Assert.Equal(2, html.Split("<svg ").Length - 1);
        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("href=", html);
        Assert.DoesNotContain("<link", html);
        Assert.Contains("Code frequency by site", html);
    }

    [Fact]
    public void CodesAppliedButDroppedFromTheCurrentCodebook_AreTakenFromAnOlderVersion_OrListedApart()
    {
        var current = new Codebook("study-x", 5, "v5", [
            new CodebookEntry("t-voice", null, 1, "Voice", "Being heard."),
            new CodebookEntry("c-meetings", "t-voice", 2, "User meetings", "Forums."),
        ], DateTimeOffset.UnixEpoch);
        var transcripts = ExportSamples.Study().Recordings.Select(r => r.Transcript).ToList();
        var olderWithoutStigma = ExportSamples.Codebook with { Codes = ExportSamples.Codebook.Codes.Where(c => c.Id != "c-stigma").ToList() };

        var complete = ExportCodebook.Complete(current, [olderWithoutStigma], transcripts);

        Assert.Equal(["t-voice", "c-meetings", ExportCodebook.UnknownThemeId, "c-stigma", "t-access", "c-waiting"], complete.Codes.Select(c => c.Id));
        Assert.Equal("t-access", complete.Find("c-waiting")!.Parent);
        Assert.Equal(ExportCodebook.UnknownThemeId, complete.Find("c-stigma")!.Parent);
        Assert.Equal("Stigma", complete.Find("c-stigma")!.Name);
        Assert.Empty(CodebookValidator.Validate(new CodebookDraft(complete.Name, complete.Codes)));
    }
}
