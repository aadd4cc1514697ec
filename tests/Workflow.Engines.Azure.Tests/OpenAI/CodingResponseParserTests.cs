using Workflow.Engines.Azure.OpenAI;

namespace Workflow.Engines.Azure.Tests.OpenAI;

public sealed class CodingResponseParserTests
{
    private static readonly CodingBatch Batch = new CodingPromptBuilder(new AzureOpenAIOptions()).Batches(CodingSamples.Segments).Single();

    private static CodingResponse Parse(string json) => CodingResponseParser.Parse(json, Batch, CodingSamples.Codebook, "azure-openai", "1.0.0+abc");

    [Fact]
    public void Parse_ExactQuote_GivesItsOffsetsAndTheVersions()
    {
        var response = Parse("""{"segments":[{"segmentId":"s4","codes":[{"codeId":"T1.2","confidence":0.8,"rationale":"Feels heard.","evidence":"[PERSON_2] actually listens"}]}]}""");

        var suggestion = Assert.Single(response.Suggestions);
        Assert.Equal(("s4", "T1.2", 0.8), (suggestion.SegmentId, suggestion.CodeId, suggestion.Confidence));
        Assert.Equal((0, 27, "[PERSON_2] actually listens"), (suggestion.Evidence.Start, suggestion.Evidence.End, suggestion.Evidence.Text));
        Assert.Equal(("azure-openai", 3, "1.0.0+abc"), (suggestion.Engine, suggestion.CodebookVersion, suggestion.EngineVersion));
        Assert.Equal("Feels heard.", response.Rationales[("s4", "T1.2")]);
    }

    [Fact]
    public void Parse_QuoteWithOtherWhitespaceAndStraightQuotes_IsFoundAndSpansTheOriginalText()
    {
        var text = CodingSamples.Segments[1].Text;
        var response = Parse("""{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","confidence":0.9,"rationale":"r","evidence":" six weeks for a script, and [PERSON_1] said it was \"normal\""}]}]}""");

        var evidence = Assert.Single(response.Suggestions).Evidence;
        Assert.Equal(text.IndexOf("six", StringComparison.Ordinal), evidence.Start);
        Assert.Equal(text.IndexOf('”', StringComparison.Ordinal) + 1, evidence.End);
        Assert.Equal("six weeks  for a script, and [PERSON_1] said it was “normal”", evidence.Text);
        Assert.Equal(text[evidence.Start..evidence.End], evidence.Text);
    }

    [Theory]
    [InlineData("i waited six weeks")]          // case differs
    [InlineData("I waited 6 weeks")]            // paraphrase
    [InlineData("she rings me back")]           // another segment's words
    [InlineData("   ")]
    public void Parse_QuoteNotInTheSegment_IsDroppedAndCounted(string quote)
    {
        var response = Parse($$"""{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","confidence":0.9,"rationale":"r","evidence":"{{quote}}"}]}]}""");

        Assert.Empty(response.Suggestions);
        Assert.Equal(1, response.QuotesNotInText);
    }

    [Fact]
    public void Parse_CodesOutsideTheCodebookOrThemes_AreDroppedAndCounted()
    {
        var response = Parse("""{"segments":[{"segmentId":"s2","codes":[{"codeId":"T9.9","confidence":0.9,"rationale":"r","evidence":"I waited"},{"codeId":"T1","confidence":0.9,"rationale":"r","evidence":"I waited"},{"codeId":"T1.1","confidence":0.7,"rationale":"r","evidence":"I waited"}]}]}""");

        Assert.Equal("T1.1", Assert.Single(response.Suggestions).CodeId);
        Assert.Equal(2, response.UnknownCodes);
    }

    [Fact]
    public void Parse_SegmentNotInTheBatch_IsDroppedAndCounted()
    {
        var response = Parse("""{"segments":[{"segmentId":"s1","codes":[{"codeId":"T1.1","confidence":0.9,"rationale":"r","evidence":"How did"}]}]}""");

        Assert.Empty(response.Suggestions);
        Assert.Equal(1, response.UnknownSegments);
    }

    [Theory]
    [InlineData(1.7, 0.99)]
    [InlineData(0.0, 0.01)]
    [InlineData(-3, 0.01)]
    public void Parse_ConfidenceOutsideZeroToOne_IsClampedInside(double given, double kept)
    {
        var response = Parse($$"""{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","confidence":{{given.ToString(System.Globalization.CultureInfo.InvariantCulture)}},"rationale":"r","evidence":"I waited"}]}]}""");

        Assert.Equal(kept, Assert.Single(response.Suggestions).Confidence);
    }

    [Theory]
    [InlineData("Sure! Here are the codes: T1.1", "not JSON")]
    [InlineData("""{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","confidence":0.9""", "not JSON")]
    [InlineData("""{"results":[]}""", "no 'segments' list")]
    [InlineData("""[{"segmentId":"s2","codes":[]}]""", "no 'segments' list")]
    [InlineData("""{"segments":[{"codes":[]}]}""", "no 'segmentId' text")]
    [InlineData("""{"segments":[{"segmentId":"s2"}]}""", "no 'codes' list")]
    [InlineData("""{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","rationale":"r","evidence":"I waited"}]}]}""", "no 'confidence' number")]
    [InlineData("""{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","confidence":"high","rationale":"r","evidence":"I waited"}]}]}""", "no 'confidence' number")]
    [InlineData("""{"segments":[{"segmentId":"s2","codes":[{"confidence":0.5,"rationale":"r","evidence":"I waited"}]}]}""", "no 'codeId' text")]
    [InlineData("""{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","confidence":0.5,"rationale":"r"}]}]}""", "no 'evidence' text")]
    [InlineData("", "empty")]
    public void Parse_AnswerOfAnotherShape_ThrowsWithoutQuotingIt(string content, string problem)
    {
        var e = Assert.Throws<CodingResponseFormatException>(() => Parse(content));

        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("waited", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sure", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MalformedCodeAfterGoodOnes_ReturnsNothingHalf()
    {
        Assert.Throws<CodingResponseFormatException>(() => Parse(
            """{"segments":[{"segmentId":"s2","codes":[{"codeId":"T1.1","confidence":0.9,"rationale":"r","evidence":"I waited"}]},{"segmentId":"s4","codes":[{"codeId":"T1.2"}]}]}"""));
    }
}
