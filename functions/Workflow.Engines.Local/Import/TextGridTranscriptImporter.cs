using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Reads Praat TextGrid files (long and short text formats, UTF-8 or UTF-16 with a byte order mark).
/// Each interval tier is one speaker named after the tier; non-empty intervals of all tiers become
/// utterances in start-time order. Point tiers carry no speech and are skipped.
/// </summary>
public sealed class TextGridTranscriptImporter : ITranscriptImporter
{
    private const string Source = "import:textgrid";

    /// <inheritdoc />
    public string Format => "Praat TextGrid";

    /// <inheritdoc />
    public IReadOnlyCollection<string> Extensions { get; } = [".textgrid"];

    /// <inheritdoc />
    public Transcript Import(string recordingId, Stream content) =>
        TextInput.Read(content, reader =>
        {
            var intervals = ReadIntervals(new PraatTextTokenizer(reader));
            return new Transcript(recordingId, Source, Order(intervals));
        });

    /// <summary>
    /// Combines timed transcripts of one recording, e.g. one TextGrid per speaker, into one transcript
    /// in start-time order (ties keep the order of <paramref name="parts"/>).
    /// </summary>
    /// <exception cref="ArgumentException">An utterance has no start time.</exception>
    public static Transcript Merge(string recordingId, IEnumerable<Transcript> parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        var utterances = parts.SelectMany(p => p.Utterances).ToList();
        if (utterances.Any(u => u.StartSeconds is null))
            throw new ArgumentException("Only timed transcripts can be merged by time.", nameof(parts));
        return new Transcript(recordingId, Source, Order(utterances));
    }

    private static List<Utterance> Order(IEnumerable<Utterance> utterances) =>
        utterances.OrderBy(u => u.StartSeconds).Select((u, i) => u with { Index = i }).ToList();

    private static List<Utterance> ReadIntervals(PraatTextTokenizer tokens)
    {
        var fileType = tokens.Next();
        if (fileType is { Kind: PraatTokenKind.String, Text: "ooBinaryFile" })
            throw new TranscriptFormatException("Binary TextGrid files are not supported: save the TextGrid as a text file in Praat.");
        if (fileType is not { Kind: PraatTokenKind.String, Text: "ooTextFile" })
            throw new TranscriptFormatException("The file is not a Praat TextGrid: line 1 must be File type = \"ooTextFile\".");
        if (Expect(tokens, PraatTokenKind.String, "the object class").Text != "TextGrid")
            throw new TranscriptFormatException("The Praat file is not a TextGrid.");

        Expect(tokens, PraatTokenKind.Number, "the start time of the TextGrid");
        Expect(tokens, PraatTokenKind.Number, "the end time of the TextGrid");
        var tiers = Expect(tokens, PraatTokenKind.Flag, "'tiers? <exists>'").Text == "<exists>"
            ? ExpectCount(tokens, "the number of tiers")
            : 0;
        if (tiers == 0) throw new TranscriptFormatException("The TextGrid has no tiers.");

        var utterances = new List<Utterance>();
        for (var tier = 1; tier <= tiers; tier++)
        {
            var tierClass = Expect(tokens, PraatTokenKind.String, $"the class of tier {tier}");
            var name = Expect(tokens, PraatTokenKind.String, $"the name of tier {tier}").Text.Trim();
            var speaker = name.Length > 0 ? name : $"Tier {tier}";
            Expect(tokens, PraatTokenKind.Number, $"the start time of tier {tier}");
            Expect(tokens, PraatTokenKind.Number, $"the end time of tier {tier}");
            var count = ExpectCount(tokens, $"the number of intervals in tier {tier}");

            switch (tierClass.Text)
            {
                case "IntervalTier":
                    for (var i = 0; i < count; i++) ReadInterval(tokens, tier, speaker, utterances);
                    break;
                case "TextTier":
                    for (var i = 0; i < count; i++)
                    {
                        Expect(tokens, PraatTokenKind.Number, $"a point time in tier {tier}");
                        Expect(tokens, PraatTokenKind.String, $"a point mark in tier {tier}");
                    }
                    break;
                default:
                    throw new TranscriptFormatException(
                        $"Line {tierClass.Line}: tier {tier} is neither an IntervalTier nor a TextTier.");
            }
        }
        // As for text files: a transcript with nothing said in it is a mistake, not an empty interview.
        if (utterances.Count == 0) throw new TranscriptFormatException("The TextGrid has no interval with text in any tier.");
        return utterances;
    }

    private static void ReadInterval(PraatTextTokenizer tokens, int tier, string speaker, List<Utterance> utterances)
    {
        var start = Expect(tokens, PraatTokenKind.Number, $"an interval start time in tier {tier}");
        var end = Expect(tokens, PraatTokenKind.Number, $"an interval end time in tier {tier}");
        var text = Expect(tokens, PraatTokenKind.String, $"an interval text in tier {tier}").Text;
        if (end.Number < start.Number)
            throw new TranscriptFormatException($"Line {end.Line}: an interval in tier {tier} ends before it starts.");
        text = text.ReplaceLineEndings(" ").Trim();
        if (text.Length == 0) return;
        TurnLimit.BeforeAdding(utterances.Count, "intervals with text");
        utterances.Add(new Utterance(0, speaker, start.Number, end.Number, text, []));
    }

    private static int ExpectCount(PraatTextTokenizer tokens, string what)
    {
        var token = Expect(tokens, PraatTokenKind.Number, what);
        if (token.Number < 0 || token.Number > int.MaxValue || token.Number != Math.Floor(token.Number))
            throw new TranscriptFormatException($"Line {token.Line}: expected {what} as a whole number.");
        return (int)token.Number;
    }

    private static PraatToken Expect(PraatTextTokenizer tokens, PraatTokenKind kind, string what)
    {
        var token = tokens.Next()
            ?? throw new TranscriptFormatException($"The TextGrid ends too early (line {tokens.Line}): expected {what}.");
        if (token.Kind != kind)
            throw new TranscriptFormatException($"Line {token.Line}: expected {what}.");
        return token;
    }
}
