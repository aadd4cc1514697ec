using System.Text.Json.Nodes;
using Workflow.Domain.Coding;
using Workflow.Domain.Serialization;
using Workflow.Tests.Shared;

namespace Workflow.Domain.Tests.Coding;

public class CodebookJsonReaderTests
{
    private const string SnakeCase = """
        {
          "name": "UI codebook",
          "version": "1.0",
          "application_rules": ["Apply 0-3 codes per turn."],
          "codes": [
            {"id": "rat", "parent": null, "level": 1, "name": "Rationale", "definition": "Why involve users."},
            {"id": "rat_rights", "parent": "rat", "level": 2, "name": "Rights", "definition": "UI as a right.",
             "inclusion_criteria": "Entitlement language.", "exclusion_criteria": "Instrumental reasons.",
             "examples": ["\"It's our treatment.\""], "keywords": ["right", "entitled"], "colour": "red"}
          ]
        }
        """;

    [Fact]
    public void Parse_StudyFormat_ReadsSnakeCaseFieldsAndIgnoresExtraOnes()
    {
        var draft = CodebookJsonReader.Parse(SnakeCase);

        Assert.Equal("UI codebook", draft.Name);
        Assert.Equal(2, draft.Codes!.Count);
        var code = draft.Codes[1];
        Assert.Equal(("rat_rights", "rat", 2), (code.Id, code.Parent, code.Level));
        Assert.Equal("Entitlement language.", code.InclusionCriteria);
        Assert.Equal("Instrumental reasons.", code.ExclusionCriteria);
        Assert.Equal(["\"It's our treatment.\""], code.Examples!);
        Assert.Equal(["right", "entitled"], code.Keywords!);
        Assert.Null(draft.Codes[0].Keywords);
        Assert.Empty(CodebookValidator.Validate(draft));
    }

    [Fact]
    public void Parse_ApiCamelCaseForm_ReadsTheSameFields()
    {
        const string json = """
            {"name":"n","codes":[
              {"id":"t","level":1,"name":"T","definition":"d"},
              {"id":"c","parent":"t","level":2,"name":"C","definition":"d","inclusionCriteria":"in","exclusionCriteria":"out","keywords":["k"]}]}
            """;

        var code = CodebookJsonReader.Parse(json).Codes![1];

        Assert.Equal("in", code.InclusionCriteria);
        Assert.Equal("out", code.ExclusionCriteria);
        Assert.Equal(["k"], code.Keywords!);
    }

    [Fact]
    public void Parse_WhatWorkflowJsonWrites_ReadsBackTheSameEntries()
    {
        var original = CodebookJsonReader.Parse(SnakeCase);

        var again = CodebookJsonReader.Parse(WorkflowJson.Serialize(original));

        Assert.Equal(original.Name, again.Name);
        foreach (var (a, b) in original.Codes!.Zip(again.Codes!))
        {
            Assert.Equal(a with { Examples = null, Keywords = null }, b with { Examples = null, Keywords = null });
            Assert.Equal(a.Keywords ?? [], b.Keywords ?? []);
            Assert.Equal(a.Examples ?? [], b.Examples ?? []);
        }
    }

    [Fact]
    public void Parse_MalformedJson_ReportsTheLine()
    {
        const string json = "{\n  \"name\": \"n\",\n  \"codes\": [\n    {\"id\": \"a\" \"level\": 1}\n  ]\n}";

        var e = Assert.Throws<CodebookFormatException>(() => CodebookJsonReader.Parse(json));

        Assert.Equal(4, e.LineNumber);
        Assert.Contains("line 4", e.Message);
        Assert.StartsWith("The codebook is not valid JSON", e.Message);
    }

    [Theory]
    [InlineData("[]", "$", "must be an object")]
    [InlineData("{\"codes\": {}}", "$.codes", "must be an array of code objects")]
    [InlineData("{\"codes\": [null]}", "$.codes[0]", "must be a code object")]
    [InlineData("{\"codes\": [{\"id\": \"a\"}, {\"id\": 7}]}", "$.codes[1].id", "must be a string, but is a number")]
    [InlineData("{\"codes\": [{\"level\": \"2\"}]}", "$.codes[0].level", "must be a whole number")]
    [InlineData("{\"codes\": [{\"level\": 1.5}]}", "$.codes[0].level", "must be a whole number")]
    [InlineData("{\"codes\": [{\"keywords\": \"a, b\"}]}", "$.codes[0].keywords", "must be an array of strings")]
    [InlineData("{\"codes\": [{\"keywords\": [\"a\", null]}]}", "$.codes[0].keywords[1]", "must be a string, but is null")]
    [InlineData("{\"name\": [\"n\"]}", "$.name", "must be a string, but is an array")]
    public void Parse_WrongShape_ThrowsWithThePath(string json, string path, string expected)
    {
        var e = Assert.Throws<CodebookFormatException>(() => CodebookJsonReader.Parse(json));

        Assert.Equal(path, e.Path);
        Assert.Contains(expected, e.Message);
        Assert.StartsWith(path + " ", e.Message);
    }

    [Fact]
    public void Parse_TextWithAByteOrderMark_IsRead() =>
        Assert.Equal("n", CodebookJsonReader.Parse("\uFEFF{\"name\": \"n\"}").Name);

    [Theory]
    [InlineData("")]
    [InlineData("   \n")]
    public void Parse_EmptyText_ThrowsAFormatException(string json) =>
        Assert.Throws<CodebookFormatException>(() => CodebookJsonReader.Parse(json));

    [Fact]
    public void Parse_MissingFields_LeavesThemForTheValidatorToReportByIndex()
    {
        var draft = CodebookJsonReader.Parse("""{"codes": [{"id": "t", "level": 1, "name": "T", "definition": "d"}, {"id": "c", "parent": "x"}]}""");

        var errors = CodebookValidator.Validate(draft);

        Assert.Contains("name is required.", errors);
        Assert.Contains("codes[1].name is required.", errors);
        Assert.Contains("codes[1].definition is required.", errors);
        Assert.Contains("codes[1].level must be 1 (theme) or 2 (code).", errors);
        Assert.Contains("codes must include at least one level-2 code.", errors);
    }

    [Fact]
    public void Validate_MoreEntriesThanAnyCodebook_GivesOneErrorOnly()
    {
        // A 3.9 MB body of 20,000 codes fitted under the request limit and was accepted.
        var codes = Enumerable.Range(0, CodebookValidator.MaxCodes + 1)
            .Select(i => i == 0 ? new CodebookEntry("t", null, 1, "T", "d") : new CodebookEntry($"c{i}", "t", 2, "C", "d"))
            .ToList();

        var errors = CodebookValidator.Validate(new CodebookDraft("big", codes));

        Assert.Equal(["codes lists 2001 entries; a codebook may hold at most 2000 themes and codes."], errors);
        Assert.Empty(CodebookValidator.Validate(new CodebookDraft("big", codes[..CodebookValidator.MaxCodes])));
    }

    [Fact]
    public void Parse_NoCodesField_GivesADraftTheValidatorRejects()
    {
        var draft = CodebookJsonReader.Parse("""{"name": "n", "codes": null}""");

        Assert.Null(draft.Codes);
        Assert.Equal(["codes must list at least one theme and one code."], CodebookValidator.Validate(draft));
    }

    [EvalFact]
    public void Parse_EvalCodebook_ValidatesWithNoErrors()
    {
        var draft = CodebookJsonReader.Parse(File.ReadAllText(EvalData.PathOf("interviews/codebook.json")));

        Assert.Empty(CodebookValidator.Validate(draft));
        Assert.Equal(35, draft.Codes!.Count);
        Assert.Equal(6, draft.Codes.Count(c => c.Level == 1));
        Assert.Equal(29, draft.Codes.Count(c => c.IsApplicable));
        Assert.All(draft.Codes, c => Assert.False(string.IsNullOrWhiteSpace(c.InclusionCriteria)));
        Assert.All(draft.Codes, c => Assert.InRange(c.Keywords!.Count, 5, 15));
    }

    [EvalFact]
    public void Parse_EvalCodebookWithAThemeRemovedAndAnIdDuplicated_ValidatorNamesEachProblem()
    {
        var node = JsonNode.Parse(File.ReadAllText(EvalData.PathOf("interviews/codebook.json")))!.AsObject();
        var codes = node["codes"]!.AsArray();
        var themeIndex = codes.Select((c, i) => (c, i)).First(x => (string?)x.c!["id"] == "mot").i;
        codes.RemoveAt(themeIndex);
        codes[0]!["id"] = (string?)codes[1]!["id"];

        var errors = CodebookValidator.Validate(CodebookJsonReader.Parse(node.ToJsonString()));

        Assert.Contains(errors, e => e.Contains("parent 'mot' is not a level-1 theme", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("codes[1].id", StringComparison.Ordinal) && e.Contains("more than once", StringComparison.Ordinal));
    }
}
