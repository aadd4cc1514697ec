using System.Text;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Workflow.Domain.Coding;
using Workflow.Domain.Exports;
using Workflow.Domain.Exports.Qda;
using Workflow.Tests.Shared;

namespace Workflow.Domain.Tests.Coding.Formats;

public class QdaCodebookXmlTests
{
    private static readonly XNamespace Ns = QdaCodebookXml.Namespace;

    private static string Written(Codebook codebook)
    {
        using var buffer = new MemoryStream();
        QdaCodebookXml.Write(codebook, buffer);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Coding", "Formats", "Samples", name));

    [EvalFact]
    public void Written_IsValidAgainstTheRefiQdaCodebookSchema()
    {
        var schemas = new XmlSchemaSet();
        schemas.Add(QdaCodebookXml.Namespace, EvalData.PathOf(Path.Combine("refi-qda", "Codebook.repaired.xsd")));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings };
        settings.ValidationEventHandler += (_, e) => problems.Add(e.Message);

        using (var reader = XmlReader.Create(new StringReader(Written(SampleCodebooks.TwoThemes())), settings))
            while (reader.Read()) { }

        Assert.Empty(problems);
    }

    [Fact]
    public void Written_NestsCodesInTheirThemeWithStableGuids()
    {
        var codebook = SampleCodebooks.TwoThemes();
        var root = XDocument.Parse(Written(codebook)).Root!;

        var themes = root.Element(Ns + "Codes")!.Elements(Ns + "Code").ToList();
        Assert.Equal(["Access", "Trust"], themes.Select(t => (string)t.Attribute("name")!));
        Assert.Equal(["false", "false"], themes.Select(t => (string)t.Attribute("isCodable")!));
        Assert.Equal(3, themes[0].Elements(Ns + "Code").Count() + themes[1].Elements(Ns + "Code").Count());
        Assert.Equal(ExportGuids.For("study-a", "code", "C1").ToString("D"), (string)themes[0].Element(Ns + "Code")!.Attribute("guid")!);
        Assert.Equal(Written(codebook), Written(codebook with { Version = 4 }));
        Assert.Null(themes[1].Attribute("color")); // "red" is not an RGB value the schema accepts
    }

    [Fact]
    public void WriteThenRead_KeepsEveryField()
    {
        var codebook = SampleCodebooks.TwoThemes();

        var draft = QdaCodebookXml.Read(Written(codebook), "Access study");

        var expected = codebook.Codes.Select(c => c.Color == "red" ? c with { Color = null } : c).ToList();
        SampleCodebooks.AssertSameEntries(expected, draft.Codes!);
        Assert.Empty(CodebookValidator.Validate(draft));
    }

    [Fact]
    public void Read_AToolExport_ThemesAndCodesWithIdsFromNames()
    {
        var draft = QdaCodebookXml.Read(Sample("tool-export.qdc"), "Imported");

        Assert.Empty(CodebookValidator.Validate(draft));
        Assert.Equal(["barriers-to-care", "waiting-lists", "cost-travel", "relationships", "being-believed"], draft.Codes!.Select(c => c.Id));
        Assert.Equal([1, 2, 2, 1, 2], draft.Codes!.Select(c => c.Level));
        Assert.Equal("relationships", draft.Codes![4].Parent);
        Assert.Equal("Cost & travel", draft.Codes![2].Name);
        Assert.Equal("#FB8C00", draft.Codes![1].Color);
        Assert.Equal("Waits for a first or follow-up appointment.\nMentions of the length of a queue count too.", draft.Codes![1].Definition);
    }

    [Fact]
    public void Read_ACodeBookInsideAProject_IsRead()
    {
        var xml = $"""<Project xmlns="{QdaProjectXml.Namespace}" name="p"><CodeBook><Codes><Code guid="{Guid.Empty}" name="A" isCodable="false"><Description>a</Description><Code guid="{Guid.Empty}" name="B" isCodable="true"><Description>b</Description></Code></Code></Codes></CodeBook></Project>""";
        Assert.Equal(["a", "b"], QdaCodebookXml.Read(xml, "n").Codes!.Select(c => c.Id));
    }

    [Fact]
    public void Read_ThirdLevel_IsRefusedNamingTheCodeAndItsDepth()
    {
        var xml = $"""<CodeBook xmlns="{QdaCodebookXml.Namespace}"><Codes><Code guid="{Guid.Empty}" name="A" isCodable="false"><Description>a</Description><Code guid="{Guid.Empty}" name="B" isCodable="true"><Description>b</Description><Code guid="{Guid.Empty}" name="Deep" isCodable="true"><Description>c</Description></Code></Code></Code></Codes></CodeBook>""";
        var e = Assert.Throws<CodebookFormatException>(() => QdaCodebookXml.Read(xml, "n"));
        Assert.Contains("'Deep'", e.Message);
        Assert.Contains("3 levels deep", e.Message);
    }

    [Fact]
    public void Read_CodesWithoutDescriptions_AreListedByName()
    {
        var xml = $"""<CodeBook xmlns="{QdaCodebookXml.Namespace}"><Codes><Code guid="{Guid.Empty}" name="A" isCodable="false"><Code guid="{Guid.Empty}" name="B" isCodable="true"><Description> </Description></Code></Code></Codes></CodeBook>""";
        var e = Assert.Throws<CodebookFormatException>(() => QdaCodebookXml.Read(xml, "n"));
        Assert.Contains("2 codes have no description", e.Message);
        Assert.Contains("'A', 'B'", e.Message);
    }

    [Fact]
    public void Read_ADtd_IsRefused()
    {
        var xml = """<?xml version="1.0"?><!DOCTYPE CodeBook [<!ENTITY x "boom">]><CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes/></CodeBook>""";
        var e = Assert.Throws<CodebookFormatException>(() => QdaCodebookXml.Read(xml, "n"));
        Assert.Contains("DTD", e.Message);
    }

    [Fact]
    public void Read_MalformedXml_NamesTheLine()
    {
        var e = Assert.Throws<CodebookFormatException>(() => QdaCodebookXml.Read("<CodeBook>\n<Codes>\n</CodeBook>", "n"));
        Assert.Equal(3, e.LineNumber);
    }

    [Fact]
    public void Read_DeepNesting_IsRefusedBeforeBuildingATree()
    {
        var xml = string.Concat(Enumerable.Repeat("<a>", 1000)) + string.Concat(Enumerable.Repeat("</a>", 1000));
        var e = Assert.Throws<CodebookFormatException>(() => QdaCodebookXml.Read(xml, "n"));
        Assert.Contains("more than 32 deep", e.Message);
    }

    [Fact]
    public void Read_AnotherRoot_IsRefused() =>
        Assert.Contains("<html>", Assert.Throws<CodebookFormatException>(() => QdaCodebookXml.Read("<html/>", "n")).Message);
}
