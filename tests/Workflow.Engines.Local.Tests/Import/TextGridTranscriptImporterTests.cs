using System.Text;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Import;
using Workflow.Tests.Shared;

namespace Workflow.Engines.Local.Tests.Import;

public class TextGridTranscriptImporterTests
{
    private const string LongFormat = """
        File type = "ooTextFile"
        Object class = "TextGrid"

        xmin = 0
        xmax = 10
        tiers? <exists>
        size = 3
        item []:
            item [1]:
                class = "IntervalTier"
                name = "Interviewer"
                xmin = 0
                xmax = 10
                intervals: size = 3
                intervals [1]:
                    xmin = 0
                    xmax = 1.5
                    text = "How did ""recovery"" start?"
                intervals [2]:
                    xmin = 1.5
                    xmax = 6
                    text = ""
                intervals [3]:
                    xmin = 6
                    xmax = 10
                    text = "And then?"
            item [2]:
                class = "TextTier"
                name = "events"
                xmin = 0
                xmax = 10
                points: size = 1
                points [1]:
                    number = 2
                    mark = "door"
            item [3]:
                class = "IntervalTier"
                name = "Participant"
                xmin = 0
                xmax = 10
                intervals: size = 2
                intervals [1]:
                    xmin = 0
                    xmax = 2
                    text = "   "
                intervals [2]:
                    xmin = 2
                    xmax = 6
                    text = "Slowly, with
        a key worker."
        """;

    private const string ShortFormat = """
        File type = "ooTextFile"
        Object class = "TextGrid"

        0
        10
        <exists>
        2
        "IntervalTier"
        "Interviewer"
        0
        10
        2
        0
        1.5
        "How did ""recovery"" start?"
        6
        10
        "And then?"
        "IntervalTier"
        "Participant"
        0
        10
        1
        2
        6
        "Slowly, with
        a key worker."
        """;

    private readonly TextGridTranscriptImporter importer = new();

    [Fact]
    public void Import_LongFormat_GivesOneSpeakerPerIntervalTierInTimeOrder()
    {
        var transcript = importer.Import(LongFormat);

        Assert.Equal("import:textgrid", transcript.Source);
        Assert.Equal(["Interviewer", "Participant", "Interviewer"], transcript.Utterances.Select(u => u.Speaker));
        Assert.Equal(["How did \"recovery\" start?", "Slowly, with a key worker.", "And then?"],
            transcript.Utterances.Select(u => u.Text));
        Assert.Equal([0.0, 2.0, 6.0], transcript.Utterances.Select(u => u.StartSeconds!.Value));
        Assert.Equal([1.5, 6.0, 10.0], transcript.Utterances.Select(u => u.EndSeconds!.Value));
        Assert.Equal([0, 1, 2], transcript.Utterances.Select(u => u.Index));
    }

    [Fact]
    public void Import_ShortFormat_ReadsLikeTheLongFormat()
    {
        var expected = importer.Import(LongFormat).Utterances.Select(u => (u.Speaker, u.StartSeconds, u.EndSeconds, u.Text));

        var transcript = importer.Import(ShortFormat);

        Assert.Equal(expected, transcript.Utterances.Select(u => (u.Speaker, u.StartSeconds, u.EndSeconds, u.Text)));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-8")]
    public void Import_PraatEncodingsWithByteOrderMark_AreDetected(string encoding)
    {
        var transcript = importer.Import(LongFormat.Replace("Participant", "Zoë", StringComparison.Ordinal), Encoding.GetEncoding(encoding));

        Assert.Equal(["Interviewer", "Zoë"], transcript.Speakers);
    }

    [Fact]
    public void Import_CrLfLineEnds_AreNotPartOfTheText()
    {
        var transcript = importer.Import(LongFormat.ReplaceLineEndings("\r\n"));

        Assert.Equal("Slowly, with a key worker.", transcript.Utterances[1].Text);
    }

    [Fact]
    public void Import_TierWithoutName_IsNamedByPosition()
    {
        var transcript = importer.Import(LongFormat.Replace("\"Participant\"", "\"\"", StringComparison.Ordinal));

        Assert.Equal("Tier 3", transcript.Utterances[1].Speaker);
    }

    [Theory]
    [InlineData("size = 3", "size = 0")]
    [InlineData("tiers? <exists>\nsize = 3", "tiers? <absent>")]
    public void Import_NoTiers_Throws(string from, string to)
    {
        var error = importer.ImportFails(LongFormat.Replace(from, to, StringComparison.Ordinal));

        Assert.Equal("The TextGrid has no tiers.", error.Message);
    }

    [Fact]
    public void Import_TiersWithOnlyEmptyIntervals_Throws()
    {
        // Found by fuzzing: it used to give a transcript with no utterances, which the pipeline took on.
        const string blank = "File type = \"ooTextFile\"\n\"TextGrid\"\n0\n4\n<exists>\n1\n\"IntervalTier\"\n\"Participant\"\n0\n4\n2\n0\n2\n\"\"\n2\n4\n\"  \"\n";

        var error = importer.ImportFails(blank);

        Assert.Equal("The TextGrid has no interval with text in any tier.", error.Message);
    }

    [Fact]
    public void Import_NotATextGrid_Throws()
    {
        var error = importer.ImportFails("Interviewer: this is plain text");

        Assert.Contains("not a Praat TextGrid", error.Message);
    }

    [Fact]
    public void Import_BinaryTextGrid_AsksForTheTextFormat()
    {
        var error = importer.ImportFails("File type = \"ooBinaryFile\"\nObject class = \"TextGrid\"\n");

        Assert.StartsWith("Binary TextGrid", error.Message);
    }

    [Fact]
    public void Import_TruncatedFile_SaysWhereItEnds()
    {
        var cut = LongFormat[..LongFormat.IndexOf("text = \"And then?\"", StringComparison.Ordinal)];

        var error = importer.ImportFails(cut);

        Assert.Equal("The TextGrid ends too early (line 26): expected an interval text in tier 1.", error.Message);
    }

    [Fact]
    public void Import_UnclosedQuote_GivesTheLineItStartsOn()
    {
        var error = importer.ImportFails(LongFormat.TrimEnd('"'));

        Assert.Equal("Line 49: a quoted text is not closed before the end of the file.", error.Message);
    }

    [Fact]
    public void Import_TextWhereATimeBelongs_GivesTheLineNumber()
    {
        var error = importer.ImportFails(LongFormat.Replace("xmax = 1.5", "xmax = \"soon\"", StringComparison.Ordinal));

        Assert.Equal("Line 17: expected an interval end time in tier 1.", error.Message);
    }

    [Fact]
    public void Import_IntervalEndingBeforeItStarts_Throws()
    {
        var error = importer.ImportFails(LongFormat.Replace("xmax = 1.5", "xmax = -1", StringComparison.Ordinal));

        Assert.Equal("Line 17: an interval in tier 1 ends before it starts.", error.Message);
    }

    [Fact]
    public void Import_LargeShortFormatFile_ReadsEveryInterval()
    {
        const int count = 100_000;
        var grid = new StringBuilder("File type = \"ooTextFile\"\nObject class = \"TextGrid\"\n0\n100000\n<exists>\n1\n\"IntervalTier\"\n\"P1\"\n0\n100000\n");
        grid.Append(count).Append('\n');
        for (var i = 0; i < count; i++) grid.Append(i).Append('\n').Append(i + 1).Append("\n\"Some words.\"\n");

        var transcript = importer.Import(grid.ToString());

        Assert.Equal(count, transcript.Utterances.Count);
    }

    [Fact]
    public void Merge_OneFilePerSpeaker_InterleavesByStartTime()
    {
        var doctor = new Transcript("a", "import:textgrid", [new Utterance(0, "Doctor", 0, 1, "Hi.", []), new Utterance(1, "Doctor", 4, 5, "Why?", [])]);
        var patient = new Transcript("b", "import:textgrid", [new Utterance(0, "Patient", 2, 3, "Hello.", [])]);

        var merged = TextGridTranscriptImporter.Merge("rec-9", [doctor, patient]);

        Assert.Equal("rec-9", merged.RecordingId);
        Assert.Equal(["Hi.", "Hello.", "Why?"], merged.Utterances.Select(u => u.Text));
        Assert.Equal([0, 1, 2], merged.Utterances.Select(u => u.Index));
    }

    [Fact]
    public void Merge_UntimedUtterance_IsRejected()
    {
        var untimed = new Transcript("a", "import:text", [Utterance.Untimed(0, "P1", "Hi.")]);

        Assert.Throws<ArgumentException>(() => TextGridTranscriptImporter.Merge("rec-9", [untimed]));
    }

    [EvalFact]
    public void Import_Primock57TextGrids_GiveOneNamedSpeakerPerFileInTimeOrder()
    {
        var files = Directory.GetFiles(EvalData.PathOf(Path.Combine("formats", "primock57", "transcripts")), "*.TextGrid");
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var stream = File.OpenRead(file);
            var transcript = importer.Import(Path.GetFileNameWithoutExtension(file), stream);

            ImportAssert.WellFormedTimed(transcript);
            // Most of these files name their single tier "Speaker"; the role is only in the file name.
            Assert.Contains(Assert.Single(transcript.Speakers), new[] { "Doctor", "Patient", "Speaker" });
        }
    }

    [EvalFact]
    public void Merge_Primock57SpeakerFiles_MatchesTheWebVttOfTheSameConsultation()
    {
        var folder = EvalData.PathOf(Path.Combine("formats", "primock57"));
        foreach (var doctorFile in Directory.GetFiles(Path.Combine(folder, "transcripts"), "*_doctor.TextGrid"))
        {
            var consultation = Path.GetFileName(doctorFile).Replace("_doctor.TextGrid", "", StringComparison.Ordinal);
            var parts = new[] { doctorFile, doctorFile.Replace("_doctor", "_patient", StringComparison.Ordinal) }
                .Select(path => { using var s = File.OpenRead(path); return importer.Import(consultation, s); });

            var merged = TextGridTranscriptImporter.Merge(consultation, parts);

            ImportAssert.WellFormedTimed(merged);
            using var vtt = File.OpenRead(Path.Combine(folder, "webvtt", consultation + ".vtt"));
            var captions = new WebVttTranscriptImporter().Import(consultation, vtt);
            // The captions were derived from these TextGrids, so they hold the same words. A few caption
            // times differ (4.99999 s became 4.000 s), which reorders overlapping turns, so order is not compared.
            Assert.Equal(Words(captions), Words(merged));
        }
    }

    private static List<string> Words(Transcript transcript) =>
        transcript.Utterances.SelectMany(u => u.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Order(StringComparer.Ordinal).ToList();
}
