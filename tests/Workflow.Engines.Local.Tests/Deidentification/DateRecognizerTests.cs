using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class DateRecognizerTests
{
    private readonly DateRecognizer _recognizer = new(referenceYear: 2006);

    [Theory]
    [InlineData("It was the 14th of November 2004, I think.", "14th of November 2004", "2004-11-14")]
    [InlineData("on the 1st of March 2005 and", "1st of March 2005", "2005-03-01")]
    [InlineData("since 1 March 2005.", "1 March 2005", "2005-03-01")]
    [InlineData("every year on the 3rd of May.", "3rd of May", "--05-03")]
    [InlineData("on the twenty-first of June", "twenty-first of June", "--06-21")]
    [InlineData("I came into post in November 2004.", "November 2004", "2004-11")]
    [InlineData("Date of birth 17/08/1976 if", "17/08/1976", "1976-08-17")]
    [InlineData("on 12/04/2005.", "12/04/2005", "2005-04-12")]
    [InlineData("logged 2005-04-12 by", "2005-04-12", "2005-04-12")]
    [InlineData("March 3rd, 2005 it was", "March 3rd, 2005", "2005-03-03")]
    [InlineData("at Boxing Day 2004 we", "Boxing Day 2004", "boxing day 2004")]
    public void Recognize_SpecificDate_IsFoundWithAnIsoLikeKey(string text, string expected, string key)
    {
        var span = _recognizer.Single(text);

        Assert.Equal(expected, text[span.Start..span.End]);
        Assert.Equal(key, span.EntityKey);
        Assert.True(span.Confidence >= 0.9);
    }

    [Fact]
    public void Recognize_SameDayWrittenTwoWays_SharesAKey() =>
        Assert.Equal(_recognizer.Single("the 1st of March 2005").EntityKey, _recognizer.Single("01/03/2005").EntityKey);

    [Fact]
    public void Recognize_BareYearDatingAnEvent_IsALowConfidenceDate()
    {
        var span = _recognizer.Single("done for burglary in 1998 and");

        Assert.Equal("1998", span.EntityKey);
        Assert.Equal(0.6, span.Confidence);
    }

    [Fact]
    public void Recognize_ReferenceYearAsThePresent_HasVeryLowConfidence() =>
        Assert.True(_recognizer.Single("on a script in 2006 like everyone").Confidence < 0.5);

    [Theory]
    [InlineData("in September we started")]
    [InlineData("last Tuesday, on Monday, next month, since Christmas")]
    [InlineData("two years ago in the eighties")]
    [InlineData("you may 3 times a day")]
    [InlineData("it was 2000 people in 1998 pounds")]
    [InlineData("ring 07700 900418 or 0191 498 0433")]
    [InlineData("reference GT/0553/05")]
    [InlineData("a 31/02/2005 impossible date")]
    [InlineData("version 1.2.05")]
    public void Recognize_MonthsAloneRelativeTimesAndNumbers_AreNotDates(string text) => Assert.Empty(_recognizer.Recognize(text));
}
