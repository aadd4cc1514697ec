using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Workflow.Domain.Coding;

namespace Workflow.Engines.Azure.OpenAI;

/// <summary>
/// The messages sent to the model, built without I/O. Only de-identified segment text ever reaches
/// this engine (coding runs after de-identification), so labels such as [PERSON_1] are sent as they
/// are and the model is told to quote them as written.
/// </summary>
internal sealed class CodingPromptBuilder(AzureOpenAIOptions options)
{
    private const string Instructions =
        """
        You code segments of qualitative research interviews with people who use drug-treatment services,
        using the codebook below. Apply a code only when the segment's own text meets its definition and
        inclusion criteria and not its exclusion criteria; the previous segment is context only and is never coded.
        For each code applied give a confidence between 0 and 1, a one-sentence rationale, and as evidence
        the shortest exact quotation from that segment's text that supports the code, copied character for
        character (including labels such as [PERSON_1]). Use only code ids from the codebook. A segment
        that no code fits gets an empty list of codes. Answer with JSON in the requested schema only.
        """;

    /// <summary>The instructions and the codebook's level-2 codes, bounded by <see cref="AzureOpenAIOptions.MaxCodebookCharacters"/>.</summary>
    public string SystemMessage(Codebook codebook)
    {
        var text = new StringBuilder(Instructions).AppendLine().AppendLine().AppendLine("Codebook (JSON, one code per line):");
        var budget = Math.Max(1000, options.MaxCodebookCharacters);
        var used = 0;
        var left = 0;
        foreach (var code in codebook.ApplicableCodes)
        {
            var line = CodeLine(code);
            if (used + line.Length > budget) { left++; continue; }
            text.AppendLine(line);
            used += line.Length;
        }
        // Said rather than hidden so a reviewer of the prompt sees why a code was never proposed.
        if (left > 0) text.AppendLine($"({left} further codes are left out for length.)");
        return text.ToString();
    }

    /// <summary>Codable segments in order, cut into batches of at most <see cref="AzureOpenAIOptions.MaxCharactersPerBatch"/> characters (one segment at least).</summary>
    public IEnumerable<CodingBatch> Batches(IReadOnlyList<Segment> segments)
    {
        var budget = Math.Max(1, options.MaxCharactersPerBatch);
        var current = new List<(Segment, Segment?)>();
        var characters = 0;
        var number = 1;
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            if (!segment.Codable || string.IsNullOrWhiteSpace(segment.Text)) continue;
            var previous = i > 0 ? segments[i - 1] : null;
            var size = segment.Text.Length + Math.Min(previous?.Text.Length ?? 0, options.MaxContextCharacters);
            if (current.Count > 0 && characters + size > budget)
            {
                yield return new CodingBatch(number++, [.. current]);
                current.Clear();
                characters = 0;
            }
            current.Add((segment, previous));
            characters += size;
        }
        if (current.Count > 0) yield return new CodingBatch(number, [.. current]);
    }

    /// <summary>The user message of one batch: a JSON list of segments with id, speaker, text and the previous segment's text.</summary>
    public string UserMessage(CodingBatch batch)
    {
        var list = new JsonArray();
        foreach (var (segment, previous) in batch.Items)
            list.Add(new JsonObject
            {
                ["segmentId"] = segment.Id,
                ["speaker"] = segment.Speaker,
                ["previous"] = previous is null ? null : new JsonObject { ["speaker"] = previous.Speaker, ["text"] = Clip(previous.Text) },
                ["text"] = segment.Text,
            });
        return "Code these segments:\n" + new JsonObject { ["segments"] = list }.ToJsonString(Json);
    }

    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The end of the previous segment: the part nearest the segment coded.</summary>
    private string Clip(string text) =>
        text.Length <= options.MaxContextCharacters ? text : "…" + text[^Math.Max(0, options.MaxContextCharacters)..];

    private string CodeLine(CodebookEntry code)
    {
        var entry = new JsonObject { ["id"] = code.Id, ["name"] = code.Name, ["definition"] = code.Definition };
        if (!string.IsNullOrWhiteSpace(code.InclusionCriteria)) entry["include"] = code.InclusionCriteria;
        if (!string.IsNullOrWhiteSpace(code.ExclusionCriteria)) entry["exclude"] = code.ExclusionCriteria;
        var examples = (code.Examples ?? []).Where(e => !string.IsNullOrWhiteSpace(e)).Take(Math.Max(0, options.MaxExamplesPerCode)).ToArray();
        if (examples.Length > 0) entry["examples"] = new JsonArray([.. examples.Select(e => (JsonNode?)e)]);
        return entry.ToJsonString(Json);
    }
}
