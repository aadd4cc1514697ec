using System.Text;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Import;

namespace Workflow.Engines.Local.Tests.Import;

/// <summary>
/// Text uploads far beyond any transcript (one 50 MB line, more text than thirty interviews) are
/// refused while they are read, without being held whole, and the refusal says what was wrong.
/// </summary>
public class OversizeTextTests
{
    private static MemoryStream Stream(string prefix, long filler, char fill = 'a', string suffix = "")
    {
        var bytes = new byte[Encoding.ASCII.GetByteCount(prefix) + filler + suffix.Length];
        Encoding.ASCII.GetBytes(prefix).CopyTo(bytes, 0);
        bytes.AsSpan(prefix.Length, (int)filler).Fill((byte)fill);
        Encoding.ASCII.GetBytes(suffix).CopyTo(bytes, prefix.Length + filler);
        return new MemoryStream(bytes);
    }

    [Fact]
    public void FiftyMegabytesOnOneLine_IsRefusedNamingTheLine_WithoutHoldingIt()
    {
        using var input = Stream("Interviewer: hello\nParticipant: ", 50L * 1024 * 1024);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<TranscriptFormatException>(() => new PlainTextTranscriptImporter().Import("rec-1", input));

        Assert.StartsWith("Line 2 is longer than 1,000,000 characters", error.Message);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 32L * 1024 * 1024, $"refusing the line allocated {allocated / (1024 * 1024)} MB");
    }

    [Fact]
    public void AWebVttCueOfFiftyMegabytes_IsRefusedToo()
    {
        using var input = Stream("WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n", 50L * 1024 * 1024);

        Assert.StartsWith("Line 4 is longer", Assert.Throws<TranscriptFormatException>(() => new WebVttTranscriptImporter().Import("rec-1", input)).Message);
    }

    [Fact]
    public void MoreTextThanAnyTranscript_IsRefused_EvenInShortLines()
    {
        // Continuation lines of one long turn, so the turn limit does not come first.
        var line = new string('a', 90) + "\n";
        var text = new StringBuilder("Interviewer: hello\n");
        while (text.Length <= TextInput.MaxCharacters) text.Append(line);

        var error = Assert.Throws<TranscriptFormatException>(() => new PlainTextTranscriptImporter().Import("rec-1", new MemoryStream(Encoding.ASCII.GetBytes(text.ToString()))));

        Assert.StartsWith("The file holds more than 20 million characters", error.Message);
    }

    [Fact]
    public void ATextGridStringOfFiftyMegabytes_IsRefused()
    {
        using var input = Stream("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n0\n4\n<exists>\n1\n\"IntervalTier\"\n\"", 50L * 1024 * 1024);

        Assert.StartsWith("The file holds more than", Assert.Throws<TranscriptFormatException>(() => new TextGridTranscriptImporter().Import("rec-1", input)).Message);
    }

    [Fact]
    public void MillionsOfOneWordTurns_AreRefusedBeforeTheyFillTheHeap()
    {
        // 19 MB of "A: b" lines made 3.8 million utterances and a live heap of 1.2 GB.
        var text = new StringBuilder();
        while (text.Length < 19_000_000) text.Append("A: b\n");
        var before = GC.GetAllocatedBytesForCurrentThread();

        var error = Assert.Throws<TranscriptFormatException>(() => new PlainTextTranscriptImporter().Import("rec-1", new MemoryStream(Encoding.ASCII.GetBytes(text.ToString()))));

        Assert.StartsWith("The file holds more than 100,000 speaker turns", error.Message);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 200L * 1024 * 1024, $"refusing the turns allocated {allocated / (1024 * 1024)} MB");
    }

    [Fact]
    public void TooManyCuesOrIntervals_AreRefusedToo()
    {
        var vtt = new StringBuilder("WEBVTT\n\n");
        for (var i = 0; i <= TurnLimit.Max; i++) vtt.Append("00:01.000 --> 00:02.000\nx\n\n");
        var grid = new StringBuilder($"File type = \"ooTextFile\"\n\"TextGrid\"\n0\n1\n<exists>\n1\n\"IntervalTier\"\n\"A\"\n0\n1\n{TurnLimit.Max + 1}\n");
        for (var i = 0; i <= TurnLimit.Max; i++) grid.Append("0 1 \"x\"\n");

        Assert.StartsWith("The file holds more than 100,000 cues", Assert.Throws<TranscriptFormatException>(() => new WebVttTranscriptImporter().Import("rec-1", new MemoryStream(Encoding.ASCII.GetBytes(vtt.ToString())))).Message);
        Assert.StartsWith("The file holds more than 100,000 intervals", Assert.Throws<TranscriptFormatException>(() => new TextGridTranscriptImporter().Import("rec-1", new MemoryStream(Encoding.ASCII.GetBytes(grid.ToString())))).Message);
    }

    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("\uFFFE")]
    public void AByteOrderMarkAlone_HasNoTurns(string bom)
    {
        var bytes = bom == "\uFEFF" ? Encoding.UTF8.GetPreamble() : Encoding.Unicode.GetPreamble();

        Assert.StartsWith("No speaker turns found", Assert.Throws<TranscriptFormatException>(() => new PlainTextTranscriptImporter().Import("rec-1", new MemoryStream(bytes))).Message);
    }
}
