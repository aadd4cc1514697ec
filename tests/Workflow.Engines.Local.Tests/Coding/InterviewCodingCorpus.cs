using System.Text.Json;
using Workflow.Domain.Coding;
using Workflow.Tests.Shared;

namespace Workflow.Engines.Local.Tests.Coding;

/// <summary>
/// The development interviews' coding units (interviews/dev/codes.jsonl) as segments with the expert's
/// codes. Read from the eval folder in place, never copied into the project.
/// </summary>
internal sealed class InterviewCodingCorpus
{
    private static readonly string[] Moderators = ["Interviewer", "Facilitator"];

    private InterviewCodingCorpus(IReadOnlyList<Segment> segments, IReadOnlyDictionary<string, IReadOnlySet<string>> expert)
    {
        Segments = segments;
        Expert = expert;
    }

    /// <summary>One segment per coding unit; moderator turns are present but not codable.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The expert's codes per segment id (empty when the expert applied none).</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> Expert { get; }

    /// <summary>Loads the development split.</summary>
    public static InterviewCodingCorpus LoadDev()
    {
        var segments = new List<Segment>();
        var expert = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        var transcripts = new Dictionary<string, (string Text, int[] Utf16At)>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(EvalData.PathOf("interviews/dev/codes.jsonl")).Where(l => l.Length > 0))
        {
            using var unit = JsonDocument.Parse(line);
            var root = unit.RootElement;
            var doc = root.GetProperty("id").GetString()!;
            var turn = root.GetProperty("turn").GetInt32();
            if (!transcripts.TryGetValue(doc, out var transcript))
                transcripts[doc] = transcript = Read(EvalData.PathOf($"interviews/dev/{doc}.txt"));

            // Offsets in the labels are code points (Python); segments use UTF-16 like the rest of .NET.
            var start = transcript.Utf16At[root.GetProperty("start").GetInt32()];
            var end = transcript.Utf16At[root.GetProperty("end").GetInt32()];
            var text = transcript.Text[start..end];
            var speaker = SpeakerBefore(transcript.Text, start);
            var id = $"{doc}-t{turn}";
            segments.Add(new Segment(id, turn - 1, 0, text.Length, speaker, text, !Moderators.Contains(speaker)));
            expert[id] = root.GetProperty("codes").EnumerateArray().Select(c => c.GetString()!).ToHashSet(StringComparer.Ordinal);
        }
        return new InterviewCodingCorpus(segments, expert);
    }

    private static (string, int[]) Read(string path)
    {
        var text = File.ReadAllText(path);
        var utf16At = new List<int>(text.Length + 1);
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1) utf16At.Add(i);
        utf16At.Add(text.Length);
        return (text, utf16At.ToArray());
    }

    private static string SpeakerBefore(string text, int utteranceStart)
    {
        var paragraphStart = text.LastIndexOf('\n', utteranceStart - 1) + 1;
        var tag = text[paragraphStart..utteranceStart];
        if (!tag.EndsWith(": ", StringComparison.Ordinal)) throw new InvalidDataException($"No speaker tag before offset {utteranceStart}.");
        return tag[..^2];
    }
}
