using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

public sealed class PocketSphinxOutputParserTests
{
    // Shape captured from pocketsphinx_continuous 0.8 -time yes on synthesized speech (words changed).
    private const string TwoSegments = """
        the clinic was busy in the morning
        <s> 0.000 0.030 0.999100
        the 0.040 0.180 0.253078
        <sil> 0.190 0.310 0.830007
        clinic 0.320 1.090 0.084891
        [NOISE] 1.100 1.300 0.330143
        was(2) 1.310 1.390 0.561880
        busy 1.400 1.630 0.422528
        ++BREATH++ 1.640 1.730 0.310170
        in 1.740 2.180 0.597525
        the 2.190 2.270 0.751538
        morning 2.280 2.520 0.552353
        </s> 2.530 2.600 1.000000
        she waited
        <s> 4.890 4.910 0.999600
        she 4.920 5.080 0.194993
        <sil> 5.090 5.140 0.876415
        waited 5.150 5.610 0.411436
        </s> 5.630 6.030 1.000000

        """;

    [Fact]
    public void Parse_TwoSegments_GivesOneWordListPerSegment()
    {
        var segments = PocketSphinxOutputParser.Parse(TwoSegments);

        Assert.Equal(2, segments.Count);
        Assert.Equal(["the", "clinic", "was", "busy", "in", "the", "morning"], segments[0].Select(w => w.Text));
        Assert.Equal(["she", "waited"], segments[1].Select(w => w.Text));
    }

    [Fact]
    public void Parse_FillersAndSentenceMarkers_AreDropped()
    {
        var words = PocketSphinxOutputParser.Parse(TwoSegments).SelectMany(s => s).Select(w => w.Text).ToList();

        Assert.DoesNotContain(words, w => w.Contains('<') || w.Contains('[') || w.Contains("++", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AlternatePronunciationMarker_IsStripped()
    {
        var word = PocketSphinxOutputParser.Parse("x\n<s> 0 0.1 1\nstuart(2) 0.2 0.6 0.5\nco(12)op 0.7 0.8 0.5\n(2) 0.9 1.0 0.5\n</s> 1.1 1.2 1\n")
            .Single().Select(w => w.Text);

        Assert.Equal(["stuart", "co(12)op", "(2)"], word);
    }

    [Fact]
    public void Parse_WordLine_KeepsTimesAndPosteriorAsConfidence()
    {
        var clinic = PocketSphinxOutputParser.Parse(TwoSegments)[0][1];

        Assert.Equal(0.32, clinic.StartSeconds, 3);
        Assert.Equal(1.09, clinic.EndSeconds, 3);
        Assert.Equal(0.084891, clinic.Confidence, 6);
    }

    [Fact]
    public void Parse_WithOffset_ShiftsEveryTime()
    {
        var waited = PocketSphinxOutputParser.Parse(TwoSegments, offsetSeconds: 120)[1][1];

        Assert.Equal(125.15, waited.StartSeconds, 3);
        Assert.Equal(125.61, waited.EndSeconds, 3);
    }

    [Fact]
    public void Parse_PosteriorOutsideUnitRange_IsClampedToConfidence()
    {
        var words = PocketSphinxOutputParser.Parse("a b\n<s> 0 0.1 1\na 0.1 0.2 1.0004\nb 0.2 0.3 -0.001\n</s> 0.3 0.4 1\n").Single();

        Assert.All(words, w => Assert.InRange(w.Confidence, 0, 1));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("\n<s> 0.000 0.030 0.999\n<sil> 0.04 0.9 0.8\n</s> 0.9 1.0 1.0\n")]
    public void Parse_OutputWithoutWords_GivesNoSegments(string output)
    {
        Assert.Empty(PocketSphinxOutputParser.Parse(output));
    }

    [Fact]
    public void Parse_WindowsLineEndings_AreAccepted()
    {
        var segments = PocketSphinxOutputParser.Parse(TwoSegments.Replace("\n", "\r\n", StringComparison.Ordinal));

        Assert.Equal(["she", "waited"], segments[1].Select(w => w.Text));
    }
}
