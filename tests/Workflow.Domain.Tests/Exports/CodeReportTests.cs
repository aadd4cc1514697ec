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
        Assert.Contains(["by_site", "t-access", "Access", "c-waiting", "Waiting lists", "total", "Total", "2", ""], rows);
        Assert.Contains(["by_respondent_role", "t-access", "Access", "c-stigma", "Stigma", "Carer", "Carer", "1", ""], rows);
        Assert.Contains(["co_occurrence", "t-access", "Access", "c-stigma", "Stigma", "c-waiting", "Waiting lists", "1", ""], rows);
        Assert.Contains(["recordings", "", "", "", "", "site-b", "Site B", "1", ""], rows);
        Assert.DoesNotContain(rows, r => r[0] == "agreement");
    }

    /// <summary>
    /// Coders against the engine over three segments: both apply waiting lists once; the engine alone
    /// proposes stigma once; both apply user meetings once, and coders add a code only an earlier
    /// codebook had.
    /// </summary>
    private static readonly HumanMachineSample Sample = new([
        new AgreementUnit("r1/s0", new HashSet<string> { "c-waiting" }, new HashSet<string> { "c-waiting" }),
        new AgreementUnit("r1/s1", new HashSet<string>(), new HashSet<string> { "c-stigma" }),
        new AgreementUnit("r2/s0", new HashSet<string> { "c-meetings", "c-retired" }, new HashSet<string> { "c-meetings" }),
    ], SegmentsAwaitingDecisions: 2);

    private static readonly HumanMachineSample OneAgreedSegment =
        new([new AgreementUnit("r/s", new HashSet<string> { "c-waiting" }, new HashSet<string> { "c-waiting" })], 0);

    [Fact]
    public void Agreement_IsPerCodeInTheReportsOrder_WithCodesOfOlderVersionsLast()
    {
        var agreement = CodeReportBuilder.Build(ExportSamples.Study(), Sample).Agreement!;

        Assert.Equal((3, 2), (agreement.Units, agreement.SegmentsAwaitingDecisions));
        Assert.Equal(["c-waiting", "c-stigma", "c-meetings", "c-retired"], agreement.Codes.Select(c => c.CodeId));
        var waiting = agreement.Codes[0].Counts;
        Assert.Equal((1, 0, 0, 2), (waiting.TruePositives, waiting.FalsePositives, waiting.FalseNegatives, waiting.TrueNegatives));
        Assert.Equal(1.0, waiting.Kappa);
        // The engine alone proposed stigma, once in three: po = 2/3 = pe, so kappa is 0.
        Assert.Equal(0.0, agreement.Codes[1].Counts.Kappa!.Value, 10);
        Assert.Equal("c-retired", agreement.Codes[3].Code); // no name in the current codebook: its id
        Assert.Equal(new AgreementCounts(2, 1, 1, 8), agreement.Pooled);
    }

    [Fact]
    public void Agreement_IsAbsent_WithoutASampleOrWithAnEmptyOne()
    {
        Assert.Null(CodeReportBuilder.Build(ExportSamples.Study()).Agreement);
        Assert.Null(CodeReportBuilder.Build(ExportSamples.Study(), new HumanMachineSample([], 4)).Agreement);
        Assert.Contains("No per-code agreement yet", CodeReportHtml.Write(Report, ExportSamples.Finalized));
    }

    [Fact]
    public void Agreement_InCsv_HasTableCellsInCount_AndCoefficientsInValue_EmptyWhenUndefined()
    {
        var rows = CsvReader.Parse(CodeReportCsv.Write(CodeReportBuilder.Build(ExportSamples.Study(), Sample)));

        Assert.Contains(["agreement", "t-access", "Access", "c-waiting", "Waiting lists", "both_applied", "Both applied", "1", ""], rows);
        Assert.Contains(["agreement", "t-access", "Access", "c-waiting", "Waiting lists", "cohen_kappa", "Cohen's kappa", "3", "1"], rows);
        Assert.Contains(["agreement", "t-access", "Access", "c-stigma", "Stigma", "percent_agreement", "Agreement", "3", "0.6667"], rows);
        Assert.Contains(["agreement", "", "", "", "All codes (pooled)", "engine_only", "Engine only", "1", ""], rows);
        // A code no one applied has no alpha: shown empty, never 0.
        var none = CsvReader.Parse(CodeReportCsv.Write(CodeReportBuilder.Build(ExportSamples.Study(), OneAgreedSegment)));
        Assert.Contains(["agreement", "t-access", "Access", "c-stigma", "Stigma", "krippendorff_alpha", "Krippendorff's alpha", "1", ""], none);
    }

    [Fact]
    public void Agreement_InHtml_IsATableWithUndefinedSpelledOut_AndEncodedNames()
    {
        var data = ExportSamples.Study();
        var codes = data.Codebook.Codes.Select(c => c.Id == "c-stigma" ? c with { Name = "<b>Stigma</b>" } : c).ToList();
        var html = CodeReportHtml.Write(CodeReportBuilder.Build(data with { Codebook = data.Codebook with { Codes = codes } }, Sample), ExportSamples.Finalized);

        Assert.Contains("Per-code agreement: coders and the engine", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(HumanMachineSample.Basis), html);
        Assert.Contains("3 segments count; 2 more await decisions", html);
        Assert.Contains("&lt;b&gt;Stigma&lt;/b&gt;", html);
        Assert.DoesNotContain("<b>Stigma</b>", html);
        Assert.Contains("All codes (pooled)", html);
        Assert.DoesNotContain(">undefined<", html);
        Assert.Contains(">undefined<", CodeReportHtml.Write(CodeReportBuilder.Build(data, OneAgreedSegment), ExportSamples.Finalized));
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
