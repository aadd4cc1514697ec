using System.Text.Json;
using Workflow.Domain.Coding;

namespace Workflow.CodingEval;

/// <summary>
/// The dev interviews (interviews/dev): one segment per coding unit of codes.jsonl, with the turns
/// between units (interviewer questions) kept as non-codable context segments, in transcript order.
/// </summary>
internal static class InterviewSet
{
    private static readonly string[] Moderators = ["Interviewer", "Facilitator"];

    public static CodingSet Load(string eval)
    {
        var draft = CodebookJsonReader.Parse(File.ReadAllText(Path.Combine(eval, "interviews", "codebook.json")));
        var codebook = CodebookValidator.ToCodebook(draft, "eval-interviews", 1, DateTimeOffset.UnixEpoch);
        var segments = new List<Segment>();
        var expert = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var dev = Path.Combine(eval, "interviews", "dev");
        foreach (var group in File.ReadLines(Path.Combine(dev, "codes.jsonl")).Where(l => l.Length > 0)
                     .Select(l => JsonDocument.Parse(l).RootElement).GroupBy(u => u.GetProperty("id").GetString()!))
        {
            var text = File.ReadAllText(Path.Combine(dev, group.Key + ".txt"));
            var utf16At = Utf16Offsets(text);
            var units = group.Select(u => (Turn: u.GetProperty("turn").GetInt32(),
                    Start: utf16At[u.GetProperty("start").GetInt32()], End: utf16At[u.GetProperty("end").GetInt32()],
                    Codes: u.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToHashSet(StringComparer.Ordinal)))
                .OrderBy(u => u.Start).ToList();
            var turns = Turns(text);
            foreach (var (speaker, start, end, index) in turns)
            {
                var unit = units.FirstOrDefault(u => u.Start == start);
                var id = $"{group.Key}-t{index + 1}";
                var isUnit = unit.Codes is not null;
                var body = isUnit ? text[unit.Start..unit.End] : text[start..end];
                segments.Add(new Segment(id, index, 0, body.Length, speaker, body, isUnit && !Moderators.Contains(speaker)));
                if (isUnit) expert[id] = unit.Codes!;
            }
        }
        return new CodingSet("interviews/dev", codebook, segments, expert, codebook.ApplicableCodes.Select(c => c.Id).ToList());
    }

    /// <summary>Each "Speaker: text" paragraph: its speaker, the text's span (after the tag) and its index.</summary>
    private static List<(string Speaker, int Start, int End, int Index)> Turns(string text)
    {
        var turns = new List<(string, int, int, int)>();
        var at = 0;
        foreach (var line in text.Split('\n'))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon is > 0 and < 20 && !line[..colon].Contains(' ', StringComparison.Ordinal))
                turns.Add((line[..colon], at + colon + 2, at + line.TrimEnd().Length, turns.Count));
            at += line.Length + 1;
        }
        return turns;
    }

    private static int[] Utf16Offsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) offsets.Add(i);
        offsets.Add(text.Length);
        return offsets.ToArray();
    }
}
