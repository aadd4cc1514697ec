using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Formats;

namespace Workflow.Domain.Tests.Coding.Formats;

public class CodebookCsvTests
{
    private const string Header = "id,parent,level,name,definition,inclusion,exclusion,examples,keywords,color\r\n";

    [Fact]
    public void WriteThenRead_GivesTheSameEntries()
    {
        var codebook = SampleCodebooks.TwoThemes();

        var draft = CodebookCsv.Read(CodebookCsv.Write(codebook), "Access study");

        SampleCodebooks.AssertSameEntries(codebook.Codes, draft.Codes!);
        Assert.Empty(CodebookValidator.Validate(draft));
    }

    [Fact]
    public void Write_StartsWithTheHeaderAndQuotesCommasQuotesAndLineBreaks()
    {
        var csv = CodebookCsv.Write(SampleCodebooks.TwoThemes());

        Assert.StartsWith(Header, csv);
        Assert.Contains("\"Waiting, \"\"long\"\" times\"", csv);
        Assert.Contains("\"Delays before a first appointment.\nSecond line.\"", csv);
        Assert.Contains("'=SUM(A1) | it took \\| ages | back\\\\slash", csv);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderWithJsonNamesAndThemeCodeWords()
    {
        var csv = "Name,Level,ID,Parent,Definition,inclusion_criteria,Colour\nAccess,theme,T1,,Getting there,,\nBus,code,C1,T1,By bus,\"Any, bus\",#fff\n";

        var draft = CodebookCsv.Read(csv, "n");

        Assert.Equal([1, 2], draft.Codes!.Select(c => c.Level));
        Assert.Equal("Any, bus", draft.Codes![1].InclusionCriteria);
        Assert.Equal("#fff", draft.Codes![1].Color);
        Assert.Null(draft.Codes![0].Parent);
    }

    [Fact]
    public void Read_MissingRequiredColumn_NamesIt()
    {
        var e = Assert.Throws<CodebookFormatException>(() => CodebookCsv.Read("id,parent,level,name\nT1,,1,A\n", "n"));
        Assert.Contains("'definition'", e.Message);
        Assert.Contains("Row 1", e.Message);
    }

    [Fact]
    public void Read_UnknownColumn_NamesItAndTheKnownOnes()
    {
        var e = Assert.Throws<CodebookFormatException>(() => CodebookCsv.Read("id,parent,level,name,defintion\n", "n"));
        Assert.Contains("'defintion'", e.Message);
    }

    [Fact]
    public void Read_UnknownLevel_NamesRowAndColumn()
    {
        var e = Assert.Throws<CodebookFormatException>(() => CodebookCsv.Read(Header + "T1,,1,A,d,,,,,\nC1,T1,sub,B,d,,,,,\n", "n"));
        Assert.Contains("Row 3, column 'level'", e.Message);
        Assert.Contains("'sub'", e.Message);
    }

    [Fact]
    public void Read_RowWithTooFewCells_NamesTheRow()
    {
        var e = Assert.Throws<CodebookFormatException>(() => CodebookCsv.Read(Header + "T1,,1,A,d\n", "n"));
        Assert.Contains("Row 2 has 5 cells; the header has 10", e.Message);
    }

    [Fact]
    public void Read_UnclosedQuote_IsAFormatError()
    {
        var e = Assert.Throws<CodebookFormatException>(() => CodebookCsv.Read(Header + "T1,,1,\"A,d,,,,,\n", "n"));
        Assert.Contains("never closed", e.Message);
    }

    [Fact]
    public void Read_TextAfterAClosingQuote_IsAFormatError()
    {
        var e = Assert.Throws<CodebookFormatException>(() => CodebookCsv.Read(Header + "T1,,1,\"A\"x,d,,,,,\n", "n"));
        Assert.Contains("Row 2", e.Message);
    }

    [Fact]
    public void Read_EmptyText_IsAFormatError() =>
        Assert.Throws<CodebookFormatException>(() => CodebookCsv.Read("\uFEFF", "n"));

    [Fact]
    public void Read_BlankTrailingLinesAndCrLfAreIgnored()
    {
        var draft = CodebookCsv.Read("\uFEFF" + Header + "T1,,1,A,d,,,,,\r\nC1,T1,2,B,d,,,,,\r\n\r\n,,,,,,,,,\r\n", "n");
        Assert.Equal(2, draft.Codes!.Count);
    }

    [Fact]
    public void Read_EmptyDefinition_IsLeftToTheValidator()
    {
        var draft = CodebookCsv.Read(Header + "T1,,1,A,,,,,,\nC1,T1,2,B,d,,,,,\n", "n");
        Assert.Contains("codes[0].definition is required.", CodebookValidator.Validate(draft));
    }
}
