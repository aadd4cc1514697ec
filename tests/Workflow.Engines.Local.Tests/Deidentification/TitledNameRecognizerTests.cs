using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class TitledNameRecognizerTests
{
    private readonly TitledNameRecognizer _recognizer = new();

    [Theory]
    [InlineData("Dr Armstrong's alright but", "Dr Armstrong")]
    [InlineData("a woman doctor on a Tuesday afternoon, Dr Fernandes, so", "Dr Fernandes")]
    [InlineData("we wrote to Councillor Anne Whitaker.", "Councillor Anne Whitaker")]
    [InlineData("Mrs. Dunmore said", "Mrs. Dunmore")]
    [InlineData("Mrs. Orla Quennell Apt 5, Harbour View", "Mrs. Orla Quennell")]
    [InlineData("correct it to Mr. Tobin Vasquez-Hale?", "Mr. Tobin Vasquez-Hale")]
    [InlineData("Dr Ferrante Said it was fine", "Dr Ferrante")]
    public void Recognize_TitleWithName_IncludesTheTitleAndIsConfirmed(string text, string expected)
    {
        Assert.Equal([expected], _recognizer.Texts(text));
        Assert.True(_recognizer.Single(text).Confidence < 0.9);
    }

    [Theory]
    [InlineData("and Mr — I won't say his name")]
    [InlineData("the doctor and the nurse said")]
    [InlineData("ask your GP or the drs")]
    public void Recognize_BareTitleOrJobTitle_IsNotAName(string text) => Assert.Empty(_recognizer.Recognize(text));
}
