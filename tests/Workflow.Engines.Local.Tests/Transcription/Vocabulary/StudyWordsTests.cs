using Workflow.Engines.Local.Transcription.Vocabulary;

namespace Workflow.Engines.Local.Tests.Transcription.Vocabulary;

public sealed class StudyWordsTests
{
    [Fact]
    public void From_Terms_GivesDistinctLowercaseWordsInFirstSeenOrder()
    {
        var words = StudyWords.From(["Lorna Kerr", "St. Mungo’s Hostel", "Mary-Jane KERR", "A&E", "Ward 7", "O'Neill"]);

        Assert.Equal(["lorna", "kerr", "st", "mungo's", "hostel", "mary", "jane", "a", "e", "ward", "o'neill"], words);
    }

    [Theory]
    [InlineData("'quoted'", "quoted")]
    [InlineData("B12", null)]
    [InlineData("Siân", "siân")]
    [InlineData("''", null)]
    public void Normalise_Piece_KeepsLettersAndInnerApostrophes(string piece, string? expected)
    {
        Assert.Equal(expected, StudyWords.Normalise(piece));
    }
}
