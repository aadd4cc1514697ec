using Workflow.Engines.Local.Import;
using Workflow.Tests.Shared;

namespace Workflow.Engines.Local.Tests.Import;

public class WebVttTranscriptImporterTests
{
    private readonly WebVttTranscriptImporter importer = new();

    [Fact]
    public void Import_WebVttWithVoiceTags_UsesVoiceAsSpeaker()
    {
        const string vtt = """
            WEBVTT

            1
            00:00:01.000 --> 00:00:02.500
            <v Doctor>How can I help?

            2
            00:00:03.000 --> 00:00:04.000
            <v.loud Patient Two>It hurts.</v>
            """;

        var transcript = importer.Import(vtt);

        Assert.Equal("import:webvtt", transcript.Source);
        Assert.Equal(["Doctor", "Patient Two"], transcript.Utterances.Select(u => u.Speaker));
        Assert.Equal(["How can I help?", "It hurts."], transcript.Utterances.Select(u => u.Text));
        Assert.Equal(1.0, transcript.Utterances[0].StartSeconds);
        Assert.Equal(2.5, transcript.Utterances[0].EndSeconds);
    }

    [Fact]
    public void Import_NamePrefixWithoutVoiceTag_UsesPrefixAsSpeaker()
    {
        var transcript = importer.Import("WEBVTT\n\n00:01.000 --> 00:02.000\nInterviewer: Ready?\n\n00:02.000 --> 00:03.000\nYes.\n");

        Assert.Equal(["Interviewer", WebVttTranscriptImporter.DefaultSpeaker], transcript.Utterances.Select(u => u.Speaker));
        Assert.Equal("Ready?", transcript.Utterances[0].Text);
    }

    [Fact]
    public void Import_ConsecutiveCuesOfOneSpeaker_MergeFromStartOfFirstToEndOfLast()
    {
        const string vtt = """
            WEBVTT

            00:00:01.000 --> 00:00:02.000
            <v A>One

            00:00:02.000 --> 00:00:03.000
            <v A>two

            00:00:03.500 --> 00:00:04.000
            <v B>Three.

            00:00:04.000 --> 00:00:05.000
            <v A>Four.
            """;

        var transcript = importer.Import(vtt);

        Assert.Equal(["One two", "Three.", "Four."], transcript.Utterances.Select(u => u.Text));
        Assert.Equal([0, 1, 2], transcript.Utterances.Select(u => u.Index));
        Assert.Equal((1.0, 3.0), (transcript.Utterances[0].StartSeconds!.Value, transcript.Utterances[0].EndSeconds!.Value));
    }

    [Fact]
    public void Import_NoteStyleAndRegionBlocks_AreIgnored()
    {
        const string vtt = """
            WEBVTT - interview 3

            STYLE
            ::cue { color: lime }

            REGION
            id:fred

            NOTE This note mentions: names
            over two lines

            00:00.000 --> 00:01.000
            <v P1>Hello.
            """;

        var transcript = importer.Import(vtt);

        Assert.Equal("Hello.", Assert.Single(transcript.Utterances).Text);
    }

    [Fact]
    public void Import_MarkupAndCharacterReferences_BecomePlainText()
    {
        const string vtt = "WEBVTT\n\n00:00:00.000 --> 00:00:01.000 align:start position:10%\n<v P1><i>Well</i> <c.red>&lt;UNSURE&gt;um</c> <00:00:00.500>fish &amp; chips\nand more</v>\n";

        var transcript = importer.Import(vtt);

        Assert.Equal("Well <UNSURE>um fish & chips and more", Assert.Single(transcript.Utterances).Text);
    }

    [Fact]
    public void Import_TwoVoicesInOneCue_BecomeTwoUtterances()
    {
        var transcript = importer.Import("WEBVTT\n\n00:00.000 --> 00:01.000\n<v A>Hi.</v> <v B>Hello.</v>\n");

        Assert.Equal(["A", "B"], transcript.Utterances.Select(u => u.Speaker));
    }

    [Fact]
    public void Import_CuesOutOfOrder_AreSortedByStart()
    {
        var transcript = importer.Import(
            "WEBVTT\n\n00:05.000 --> 00:06.000\n<v A>Later.\n\n00:01.000 --> 00:02.000\n<v B>Earlier.\n");

        Assert.Equal(["Earlier.", "Later."], transcript.Utterances.Select(u => u.Text));
    }

    [Fact]
    public void Import_EmptyCue_IsDropped()
    {
        var transcript = importer.Import("WEBVTT\n\n00:00.000 --> 00:01.000\n<v A></v>\n\n00:01.000 --> 00:02.000\n<v B>Text.\n");

        Assert.Equal("B", Assert.Single(transcript.Utterances).Speaker);
    }

    [Fact]
    public void Import_LongHours_AreParsed()
    {
        var transcript = importer.Import("WEBVTT\n\n100:00:01.250 --> 100:00:02.000\nText.\n");

        Assert.Equal(360_001.25, Assert.Single(transcript.Utterances).StartSeconds);
    }

    [Fact]
    public void Import_MissingHeader_Throws()
    {
        var error = importer.ImportFails("00:00.000 --> 00:01.000\nText.\n");

        Assert.Contains("WEBVTT", error.Message);
    }

    [Theory]
    [InlineData("WEBVTT\n")]
    [InlineData("WEBVTT\n\nNOTE only a note\n")]
    public void Import_NoCues_Throws(string vtt)
    {
        var error = importer.ImportFails(vtt);

        Assert.StartsWith("No cues found", error.Message);
    }

    [Theory]
    [InlineData("00:00:01,000 --> 00:00:02.000")]
    [InlineData("0:01.000 --> 0:02.000")]
    [InlineData("00:00:61.000 --> 00:01:02.000")]
    [InlineData("00:00:01.000 --> ")]
    public void Import_InvalidTimestamp_ThrowsWithTheLineNumber(string timing)
    {
        var error = importer.ImportFails($"WEBVTT\n\nNOTE x\n\ncue-1\n{timing}\nSecret text\n");

        Assert.StartsWith("Line 6: invalid cue timestamp", error.Message);
        Assert.DoesNotContain("Secret", error.Message);
    }

    [Fact]
    public void Import_CueIdentifierWithoutTiming_ThrowsWithTheLineNumber()
    {
        var error = importer.ImportFails("WEBVTT\n\n1\nSecret text\n");

        Assert.StartsWith("Line 4: expected a cue timing line", error.Message);
    }

    [Fact]
    public void Import_CueEndingBeforeItStarts_Throws()
    {
        var error = importer.ImportFails("WEBVTT\n\n00:02.000 --> 00:01.000\nText\n");

        Assert.StartsWith("Line 3:", error.Message);
    }

    [Fact]
    public void Import_LargeFile_ReadsEveryCue()
    {
        var vtt = new System.Text.StringBuilder("WEBVTT\n");
        for (var i = 0; i < 50_000; i++)
            vtt.Append($"\n{i}\n{TimeSpan.FromSeconds(i):hh\\:mm\\:ss}.000 --> {TimeSpan.FromSeconds(i + 1):hh\\:mm\\:ss}.000\n<v {(i % 2 == 0 ? "A" : "B")}>Words here.\n");

        var transcript = importer.Import(vtt.ToString());

        Assert.Equal(50_000, transcript.Utterances.Count);
        Assert.Equal(49_999.0, transcript.Utterances[^1].StartSeconds);
    }

    [EvalFact]
    public void Import_Primock57WebVtt_GivesOrderedDoctorAndPatientTurns()
    {
        var files = Directory.GetFiles(EvalData.PathOf(Path.Combine("formats", "primock57", "webvtt")), "*.vtt");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            var transcript = importer.Import(Path.GetFileNameWithoutExtension(file), stream);

            ImportAssert.WellFormedTimed(transcript);
            Assert.Equal(["Doctor", "Patient"], transcript.Speakers.Order());
            Assert.All(transcript.Utterances.Zip(transcript.Utterances.Skip(1)),
                pair => Assert.NotEqual(pair.First.Speaker, pair.Second.Speaker));
        }
    }
}
