using System.Text;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Import;
using Workflow.Tests.Shared;

namespace Workflow.Engines.Local.Tests.Import;

public class PlainTextTranscriptImporterTests
{
    private readonly PlainTextTranscriptImporter importer = new();

    [Fact]
    public void Import_TaggedParagraphs_MakesOneTurnPerTag()
    {
        var transcript = importer.Import("Interviewer: How did it start?\n\nParticipant: With a friend.\n\nP1: Me too.\n");

        Assert.Equal("import:text", transcript.Source);
        Assert.Equal("rec-1", transcript.RecordingId);
        Assert.Equal(["Interviewer", "Participant", "P1"], transcript.Utterances.Select(u => u.Speaker));
        Assert.Equal(["How did it start?", "With a friend.", "Me too."], transcript.Utterances.Select(u => u.Text));
        Assert.Equal([0, 1, 2], transcript.Utterances.Select(u => u.Index));
        Assert.All(transcript.Utterances, u => Assert.Null(u.StartSeconds));
    }

    [Fact]
    public void Import_ContinuationLines_JoinThePreviousTurnWithASpace()
    {
        var transcript = importer.Import("Participant: It was hard.\nReally hard.\n\nAnd then it got easier.\nInterviewer: Why?");

        Assert.Equal(2, transcript.Utterances.Count);
        Assert.Equal("It was hard. Really hard. And then it got easier.", transcript.Utterances[0].Text);
    }

    [Fact]
    public void Import_BomAndCrLf_AreNotPartOfTheText()
    {
        var transcript = importer.Import("Interviewer: Hello.\r\nParticipant: Hi.\r\n", Encoding.UTF8);

        Assert.Equal("Interviewer", transcript.Utterances[0].Speaker);
        Assert.Equal("Hello.", transcript.Utterances[0].Text);
        Assert.Equal("Hi.", transcript.Utterances[1].Text);
    }

    [Fact]
    public void Import_Utf16WithByteOrderMark_IsDecoded()
    {
        var transcript = importer.Import("Facilitator: Welcome, Zoë.\n", Encoding.Unicode);

        Assert.Equal("Welcome, Zoë.", Assert.Single(transcript.Utterances).Text);
    }

    [Fact]
    public void Import_TextWithinATurn_IsKeptAsWritten()
    {
        var transcript = importer.Import("  Participant:   It's  \"the script\" — [laughs]  you know.  ");

        Assert.Equal("It's  \"the script\" — [laughs]  you know.", Assert.Single(transcript.Utterances).Text);
    }

    [Theory]
    [InlineData("Dr. Jones-Smith")]
    [InlineData("Participant 2")]
    [InlineData("I")]
    public void Import_TagsWithDigitsSpacesDotsAndHyphens_AreSpeakers(string speaker)
    {
        var transcript = importer.Import($"{speaker}: Yes.");

        Assert.Equal(speaker, Assert.Single(transcript.Utterances).Speaker);
    }

    [Theory]
    [InlineData("See http://example.org for more.")]
    [InlineData("10:30 was when I got there.")]
    [InlineData("What she told me, and what the worker said: nothing.")]
    public void Import_ColonThatIsNotASpeakerTag_ContinuesTheTurn(string line)
    {
        var transcript = importer.Import($"Participant: First.\n{line}");

        var turn = Assert.Single(transcript.Utterances);
        Assert.Equal($"First. {line}", turn.Text);
    }

    [Fact]
    public void Import_TurnWithoutText_IsDroppedAndIndexesStayContiguous()
    {
        var transcript = importer.Import("Interviewer: One?\nParticipant:\nInterviewer: Two?");

        Assert.Equal([0, 1], transcript.Utterances.Select(u => u.Index));
        Assert.Equal(["One?", "Two?"], transcript.Utterances.Select(u => u.Text));
    }

    [Fact]
    public void Import_SpeakerOnItsOwnLine_TakesTheFollowingLines()
    {
        var transcript = importer.Import("Participant:\nI went to the clinic.\n");

        Assert.Equal("I went to the clinic.", Assert.Single(transcript.Utterances).Text);
    }

    [Fact]
    public void Import_TextBeforeTheFirstTag_NamesTheLineWithoutQuotingIt()
    {
        var error = importer.ImportFails("\nSecret Name interview notes\nInterviewer: Hello.");

        Assert.Contains("Line 2 has no speaker", error.Message);
        Assert.DoesNotContain("Secret", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n  \n")]
    [InlineData("Just some prose without any speakers.\nMore prose.")]
    public void Import_NoSpeakerTurns_ThrowsAndExplainsTheExpectedFormat(string text)
    {
        var error = importer.ImportFails(text);

        Assert.Equal("No speaker turns found: expected lines like 'Interviewer: ...'", error.Message);
    }

    [Fact]
    public void Import_InvalidUtf8_ThrowsInsteadOfReplacingCharacters()
    {
        var bytes = Encoding.Latin1.GetBytes("Participant: caf\u00e9\n");

        var error = Assert.Throws<TranscriptFormatException>(() => importer.Import("rec-1", new MemoryStream(bytes)));

        Assert.Contains("UTF-8", error.Message);
    }

    [Fact]
    public void Import_Utf16WithoutByteOrderMark_SaysSo()
    {
        var bytes = Encoding.Unicode.GetBytes("Participant: hello\n");

        var error = Assert.Throws<TranscriptFormatException>(() => importer.Import("rec-1", new MemoryStream(bytes)));

        Assert.Contains("UTF-16", error.Message);
    }

    [Fact]
    public void Import_LargeFile_ReadsEveryTurn()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++) text.Append(i % 2 == 0 ? "Interviewer: Q\n" : "Participant: A\ncontinued\n");

        var transcript = importer.Import(text.ToString());

        Assert.Equal(100_000, transcript.Utterances.Count);
        Assert.Equal(99_999, transcript.Utterances[^1].Index);
    }

    [EvalFact]
    public void Import_DevInterviews_HaveOneTurnPerParagraph()
    {
        foreach (var name in new[] { "D01.txt", "D02.txt", "D03.txt" })
        {
            var path = EvalData.PathOf(Path.Combine("interviews", "dev", name));
            var paragraphs = File.ReadAllText(path)
                .Split(["\r\n\r\n", "\n\n"], StringSplitOptions.RemoveEmptyEntries)
                .Count(p => !string.IsNullOrWhiteSpace(p));

            using var stream = File.OpenRead(path);
            var transcript = importer.Import(name, stream);

            Assert.Equal(paragraphs, transcript.Utterances.Count);
            Assert.All(transcript.Utterances, u => Assert.False(string.IsNullOrWhiteSpace(u.Text)));
            Assert.Subset(new HashSet<string> { "Interviewer", "Participant", "Facilitator", "P1", "P2", "P3", "P4", "P5", "P6" },
                transcript.Speakers.ToHashSet());
        }
    }
}
