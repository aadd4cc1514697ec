using Workflow.Domain.Deidentification;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>Ages and years as the labelling policy defines them: specific people's ages yes, generic ones and the present year no (or low).</summary>
public class AgePolicyTests
{
    private readonly AgeRecognizer _ages = new();

    [Theory]
    [InlineData("I've got a lad, her son, he's four now", "four")]
    [InlineData("my daughter, she's only six months", "six months")]
    [InlineData("I've used since I was fifteen", "fifteen")]
    [InlineData("I started at fourteen, on the gear", "fourteen")]
    public void ChildrensAgesAndAgeAtFirstUse_AreAges(string text, string expected) =>
        Assert.Equal([expected], _ages.Texts(text));

    [Theory]
    [InlineData("imagine what it's like to be twenty and on crack")]
    [InlineData("kids of fourteen, fifteen are using now")]
    [InlineData("it took six months to get a place")]
    public void GenericOrHypotheticalAges_AreNotAges(string text) => Assert.Empty(_ages.Texts(text));

    [Fact]
    public void PresentYear_IsLowConfidence_WhileADatedEventIsNot()
    {
        var dates = new DateRecognizer(referenceYear: 2006);
        var present = Assert.Single(dates.Recognize("I'm on a script here in 2006"));
        var dated = Assert.Single(dates.Recognize("she qualified in 1984"));
        Assert.True(present.Confidence < dated.Confidence);
        Assert.True(present.Confidence < 0.5);
        Assert.Equal(IdentifierKind.Date, dated.Kind);
    }
}
