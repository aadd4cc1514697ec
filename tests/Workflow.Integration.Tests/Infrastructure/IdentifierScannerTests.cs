namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>The leak scan is only as good as its matcher: these are the forms it must see through.</summary>
public class IdentifierScannerTests
{
    private readonly IdentifierScanner _scanner = new([("Zoë O'Rourke", []), ("Callum", []), ("07700 900183", ["07700900183"])]);

    [Theory]
    [InlineData("plain, other case", "spoke to zoë o'rourke today")]
    [InlineData("JSON-escaped", """{"text":"Zo\u00EB O\u0027Rourke"}""")]
    [InlineData("JSON inside JSON", """{"Input":"{\"text\":\"Zo\\u00eb O\\u0027Rourke\"}"}""")]
    [InlineData("URI-escaped metadata", "interviewer=Zo%C3%AB%20O'Rourke")]
    [InlineData("decomposed accent", "Zoe\u0308 O'Rourke")]
    public void Scan_FindsTheIdentifier_WhateverTheEncoding(string _, string text) =>
        Assert.Contains(_scanner.Scan("test", text), h => h.Identifier == "Zoë O'Rourke");

    [Fact]
    public void Scan_FindsOtherForms_AndWholeWordsOnly()
    {
        Assert.Contains(_scanner.Scan("test", "\"phone\":\"07700900183\""), h => h.Identifier == "07700 900183");
        Assert.Contains(_scanner.Scan("test", "\"[PERSON_1]\",\"Callum\""), h => h.Identifier == "Callum");
        Assert.Empty(_scanner.Scan("test", "Callumny and 907700 9001834 are other words"));
    }
}
