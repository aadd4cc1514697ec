using System.Globalization;
using System.Text.Json;
using System.Xml;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Azure.Speech;

/// <summary>
/// Reads a batch transcription result file (schema transcriptionresult v3.x / 2024-11-15) into the
/// domain transcript: recognised phrases in time order, consecutive phrases of one speaker within
/// <c>mergeGap</c> joined into a turn, speakers renumbered "Speaker 1..n" in order of first appearance,
/// the display form as text (punctuated and capitalised, which the names detectors rely on) and the
/// lexical words with their times and confidences. Times come from milliseconds, ticks or ISO 8601
/// durations, whichever the file carries.
/// </summary>
internal static class BatchTranscriptMapper
{
    private const double TicksPerSecond = 10_000_000d;

    public static Transcript Map(string json, string recordingId, string engineName, TimeSpan mergeGap)
    {
        List<Phrase> phrases;
        try
        {
            using var doc = JsonDocument.Parse(json);
            phrases = doc.RootElement.GetProperty("recognizedPhrases").EnumerateArray()
                .Where(p => !p.TryGetProperty("recognitionStatus", out var s) || s.GetString() == "Success")
                .Select(ReadPhrase).OfType<Phrase>()
                .OrderBy(p => p.Start).ThenBy(p => p.Channel).ToList();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new EngineUnavailableException($"Azure AI Speech returned a result file that could not be read ({e.GetType().Name}).");
        }

        var labels = new Dictionary<int, string>();
        string Label(int speaker) => labels.TryGetValue(speaker, out var l) ? l : labels[speaker] = $"Speaker {labels.Count + 1}";

        var turns = new List<List<Phrase>>();
        foreach (var phrase in phrases)
        {
            var last = turns.Count > 0 ? turns[^1] : null;
            if (last is not null && last[^1].Speaker == phrase.Speaker && phrase.Start - last[^1].End <= mergeGap.TotalSeconds) last.Add(phrase);
            else turns.Add([phrase]);
        }
        var utterances = turns.Select((turn, i) => new Utterance(i, Label(turn[0].Speaker), turn[0].Start, turn.Max(p => p.End),
            string.Join(' ', turn.Select(p => p.Text)), turn.SelectMany(p => p.Words).ToList())).ToList();
        return new Transcript(recordingId, engineName, utterances);
    }

    private sealed record Phrase(int Speaker, int Channel, double Start, double End, string Text, IReadOnlyList<Word> Words);

    private static Phrase? ReadPhrase(JsonElement phrase)
    {
        if (!phrase.TryGetProperty("nBest", out var nBest) || nBest.GetArrayLength() == 0) return null;
        var best = nBest[0];
        var text = (best.TryGetProperty("display", out var d) ? d.GetString() : best.GetProperty("lexical").GetString())?.Trim();
        if (string.IsNullOrEmpty(text)) return null;
        var start = Seconds(phrase, "offset");
        var end = Math.Round(start + Seconds(phrase, "duration"), 3);
        var phraseConfidence = best.TryGetProperty("confidence", out var c) ? c.GetDouble() : 0;
        var words = best.TryGetProperty("words", out var w)
            ? w.EnumerateArray().Select(word =>
            {
                var ws = Seconds(word, "offset");
                return new Word(word.GetProperty("word").GetString()!, ws, Math.Round(ws + Seconds(word, "duration"), 3),
                    word.TryGetProperty("confidence", out var wc) ? wc.GetDouble() : phraseConfidence);
            }).ToList()
            : [];
        // Without diarization there is no speaker; one voice is "Speaker 1".
        var speaker = phrase.TryGetProperty("speaker", out var s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 1;
        var channel = phrase.TryGetProperty("channel", out var ch) && ch.ValueKind == JsonValueKind.Number ? ch.GetInt32() : 0;
        return new Phrase(speaker, channel, start, end, text, words);
    }

    /// <summary>A time field as seconds: <c>{name}Milliseconds</c>, then <c>{name}InTicks</c>, then the ISO 8601 <c>{name}</c>.</summary>
    private static double Seconds(JsonElement element, string name)
    {
        if (element.TryGetProperty(name + "Milliseconds", out var ms) && ms.ValueKind == JsonValueKind.Number) return Math.Round(ms.GetDouble() / 1000d, 3);
        if (element.TryGetProperty(name + "InTicks", out var ticks) && ticks.ValueKind == JsonValueKind.Number) return Math.Round(ticks.GetDouble() / TicksPerSecond, 3);
        if (element.TryGetProperty(name, out var iso) && iso.ValueKind == JsonValueKind.String) return Math.Round(XmlConvert.ToTimeSpan(iso.GetString()!).TotalSeconds, 3);
        throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"no {name}"));
    }
}
