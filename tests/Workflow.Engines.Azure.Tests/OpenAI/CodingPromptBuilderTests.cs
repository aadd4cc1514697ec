using System.Text.Json.Nodes;
using Workflow.Engines.Azure.OpenAI;

namespace Workflow.Engines.Azure.Tests.OpenAI;

public sealed class CodingPromptBuilderTests
{
    [Fact]
    public void SystemMessage_ListsLevelTwoCodesWithCriteriaAndAFewExamples_NotThemes()
    {
        var system = new CodingPromptBuilder(new AzureOpenAIOptions { MaxExamplesPerCode = 2 }).SystemMessage(CodingSamples.Codebook);

        var lines = system.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal(["T1.1", "T1.2"], lines.Select(l => (string)l["id"]!));
        Assert.Equal("Waits for an assessment or a script.", (string)lines[0]["include"]!);
        Assert.Equal("Waiting in a queue on the day.", (string)lines[0]["exclude"]!);
        Assert.Equal(2, lines[0]["examples"]!.AsArray().Count);
        Assert.Null(lines[1]["exclude"]);
    }

    [Fact]
    public void SystemMessage_OverTheBudget_LeavesCodesOutAndSaysSo()
    {
        var system = new CodingPromptBuilder(new AzureOpenAIOptions { MaxCodebookCharacters = 1000 }).SystemMessage(
            CodingSamples.Codebook with { Codes = [.. Enumerable.Range(1, 30).Select(i => new Workflow.Domain.Coding.CodebookEntry($"C{i}", "T1", 2, $"Code {i}", new string('d', 100)))] });

        var kept = system.Split('\n').Count(l => l.StartsWith('{'));
        Assert.InRange(kept, 1, 9);
        Assert.Contains($"({30 - kept} further codes are left out for length.)", system, StringComparison.Ordinal);
    }

    [Fact]
    public void Batches_HoldOnlyCodableSegments_WithThePreviousSegmentAsContext()
    {
        var batch = Assert.Single(new CodingPromptBuilder(new AzureOpenAIOptions()).Batches(CodingSamples.Segments));

        Assert.Equal(["s2", "s4"], batch.Items.Select(i => i.Segment.Id));
        Assert.Equal(["s1", "s3"], batch.Items.Select(i => i.Previous!.Id));
    }

    [Fact]
    public void Batches_AreBoundedByCharacters_ButNeverEmpty()
    {
        var batches = new CodingPromptBuilder(new AzureOpenAIOptions { MaxCharactersPerBatch = 500, MaxContextCharacters = 0 }).Batches(
            [.. Enumerable.Range(1, 5).Select(i => new Workflow.Domain.Coding.Segment($"s{i}", i, 0, 300, "P", new string('x', 300), true))]).ToList();

        Assert.Equal([1, 1, 1, 1, 1], batches.Select(b => b.Items.Count));
        Assert.Equal([1, 2, 3, 4, 5], batches.Select(b => b.Number));
    }

    [Fact]
    public void UserMessage_SendsIdSpeakerTextAndContext_WithLabelsAsWritten()
    {
        var builder = new CodingPromptBuilder(new AzureOpenAIOptions { MaxContextCharacters = 10 });
        var message = builder.UserMessage(Assert.Single(builder.Batches(CodingSamples.Segments)));

        var json = JsonNode.Parse(message[message.IndexOf('{', StringComparison.Ordinal)..])!["segments"]!.AsArray();
        Assert.Equal("s2", (string)json[0]!["segmentId"]!);
        Assert.Equal("Participant", (string)json[0]!["speaker"]!);
        Assert.Equal(CodingSamples.Segments[1].Text, (string)json[0]!["text"]!);
        Assert.Equal("…rst asked?", (string)json[0]!["previous"]!["text"]!);
        Assert.Contains("[PERSON_1]", message, StringComparison.Ordinal);
    }
}
