using Workflow.Domain.Coding.Learning;

namespace Workflow.Domain.Tests.Coding.Learning;

public class LexicalFeaturesTests
{
    [Fact]
    public void Words_AreLowerCased_KeepInnerApostrophes_AndLeaveOutPseudonymLabels()
    {
        Assert.Equal(["i", "told", "about", "the", "six", "week", "wait", "didn't", "help"],
            LexicalFeatures.Words("I told [PERSON_3] about the six-week wait; [PLACE_1] didn’t help."));
    }

    [Fact]
    public void NoWordPair_SpansALabel_SoTheSameTextWithAnotherLabelGivesTheSameFeatures()
    {
        var a = LexicalFeatures.Of("met [PERSON_3] yesterday");
        var b = LexicalFeatures.Of("met [PERSON_12] yesterday");
        var joined = LexicalFeatures.Of("met yesterday");

        Assert.Equal(a.Indices, b.Indices);
        Assert.Equal(a.Values, b.Values);
        Assert.Equal(2, a.Indices.Length); // two words, no pair
        Assert.Equal(3, joined.Indices.Length); // two words and their pair
    }

    [Fact]
    public void Features_AreSortedBuckets_OfUnitLength_WithRepeatsWeightedSublinearly()
    {
        var (indices, values) = LexicalFeatures.Of("wait wait wait for the bus");

        Assert.Equal(indices.Order(), indices);
        Assert.All(indices, i => Assert.InRange(i, 0, LexicalFeatures.Buckets - 1));
        Assert.Equal(1.0, Math.Sqrt(values.Sum(v => (double)v * v)), 5);
        var wait = LexicalFeatures.Of("wait").Indices.Single();
        var other = LexicalFeatures.Of("bus").Indices.Single();
        var weight = values[Array.IndexOf(indices, wait)] / values[Array.IndexOf(indices, other)];
        Assert.Equal(1 + Math.Log(3), weight, 4);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ... !!! ")]
    [InlineData("[PERSON_1] [PLACE_2]")]
    public void TextWithoutWords_HasNoFeatures(string text)
    {
        var (indices, values) = LexicalFeatures.Of(text);
        Assert.Empty(indices);
        Assert.Empty(values);
    }

    [Fact]
    public void AnEndlessToken_IsCut_SoHostileInputStaysCheap()
    {
        var word = Assert.Single(LexicalFeatures.Words(new string('a', 100_000)));
        Assert.Equal(40, word.Length);
    }
}
