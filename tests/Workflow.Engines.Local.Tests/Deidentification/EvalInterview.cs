using System.Text;
using System.Text.Json;
using Workflow.Domain.Transcripts;
using Workflow.Tests.Shared;

namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>
/// One development interview (interviews/dev/Dnn.txt) as a transcript, with its pii.jsonl spans moved
/// from code-point offsets in the file to UTF-16 offsets in the utterance that holds them.
/// </summary>
internal sealed record EvalInterview(string Id, Transcript Transcript, IReadOnlyList<GoldSpan> Gold)
{
    public static readonly string[] DevIds = ["D01", "D02", "D03"];

    public static EvalInterview Load(string id)
    {
        var file = File.ReadAllText(EvalData.PathOf($"interviews/dev/{id}.txt"));
        var (utterances, textStarts) = Parse(file);
        var utf16Of = CodePointToUtf16(file);
        var gold = new List<GoldSpan>();
        foreach (var span in SpansOf(id))
        {
            var start = utf16Of[span.GetProperty("start").GetInt32()];
            var end = utf16Of[span.GetProperty("end").GetInt32()];
            var utterance = textStarts.FindLastIndex(s => s <= start);
            var offset = textStarts[utterance];
            gold.Add(new GoldSpan(utterance, start - offset, end - offset, span.GetProperty("type").GetString()!, span.GetProperty("text").GetString()!));
        }
        return new EvalInterview(id, new Transcript(id, "eval", utterances), gold);
    }

    /// <summary>Paragraphs separated by a blank line, each "SPEAKER: text".</summary>
    private static (List<Utterance>, List<int>) Parse(string file)
    {
        var utterances = new List<Utterance>();
        var textStarts = new List<int>();
        var position = 0;
        foreach (var paragraph in file.Split("\n\n"))
        {
            var colon = paragraph.IndexOf(": ", StringComparison.Ordinal);
            var text = paragraph[(colon + 2)..].TrimEnd('\n');
            textStarts.Add(position + colon + 2);
            utterances.Add(Utterance.Untimed(utterances.Count, paragraph[..colon], text));
            position += paragraph.Length + 2;
        }
        return (utterances, textStarts);
    }

    private static int[] CodePointToUtf16(string text)
    {
        var map = new List<int>(text.Length + 1);
        var utf16 = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            map.Add(utf16);
            utf16 += rune.Utf16SequenceLength;
        }
        map.Add(utf16);
        return [.. map];
    }

    private static IEnumerable<JsonElement> SpansOf(string id)
    {
        foreach (var line in File.ReadLines(EvalData.PathOf("interviews/dev/pii.jsonl"), Encoding.UTF8))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var doc = JsonDocument.Parse(line).RootElement;
            if (doc.GetProperty("id").GetString() == id)
                return doc.GetProperty("spans").EnumerateArray().ToList();
        }
        return [];
    }
}
