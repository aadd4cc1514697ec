using System.Text.Json;
using Workflow.Domain.Coding;

namespace Workflow.Engines.Azure.OpenAI;

/// <summary>
/// Reads the model's JSON answer, <c>{"segments":[{"segmentId","codes":[{"codeId","confidence","rationale","evidence"}]}]}</c>,
/// without I/O. An answer of another shape throws <see cref="CodingResponseFormatException"/> (the
/// engine asks once more); a well-formed answer's suggestions that cannot be trusted are dropped and
/// counted: codes outside the codebook, segments not asked about, quotations not in the segment.
/// </summary>
internal static class CodingResponseParser
{
    /// <summary>Confidence is kept strictly inside (0, 1): a model's 0 or 1 is not certainty.</summary>
    private const double MinConfidence = 0.01;
    private const double MaxConfidence = 0.99;

    public static CodingResponse Parse(string? content, CodingBatch batch, Codebook codebook, string engine, string engineVersion)
    {
        if (string.IsNullOrWhiteSpace(content)) throw new CodingResponseFormatException("the answer is empty");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException)
        {
            // JsonException messages can echo the offending characters; say only what was wrong.
            throw new CodingResponseFormatException("the answer is not JSON");
        }
        using (document)
        {
            var codes = codebook.ApplicableCodes.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var suggestions = new List<CodeSuggestion>();
            var rationales = new Dictionary<(string, string), string>();
            int unknownCodes = 0, unknownSegments = 0, notInText = 0;
            foreach (var item in Array(document.RootElement, "segments", "the answer"))
            {
                var segmentId = String(item, "segmentId", "a segment");
                var segmentCodes = Array(item, "codes", "a segment");
                if (!batch.ById.TryGetValue(segmentId, out var segment))
                {
                    unknownSegments += segmentCodes.Count();
                    continue;
                }
                foreach (var code in segmentCodes)
                {
                    var codeId = String(code, "codeId", "a code");
                    var confidence = Number(code, "confidence");
                    var evidence = String(code, "evidence", "a code");
                    var rationale = code.TryGetProperty("rationale", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString()! : "";
                    if (!codes.Contains(codeId)) { unknownCodes++; continue; }
                    if (rationales.ContainsKey((segmentId, codeId))) continue;
                    if (EvidenceLocator.Find(segment.Text, evidence) is not { } span) { notInText++; continue; }
                    suggestions.Add(new CodeSuggestion(segmentId, codeId, Math.Clamp(confidence, MinConfidence, MaxConfidence), span,
                        engine, codebook.Version, engineVersion));
                    rationales[(segmentId, codeId)] = rationale;
                }
            }
            return new CodingResponse(suggestions, rationales, unknownCodes, unknownSegments, notInText);
        }
    }

    private static JsonElement.ArrayEnumerator Array(JsonElement parent, string name, string what) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : throw new CodingResponseFormatException($"{what} has no '{name}' list");

    private static string String(JsonElement parent, string name, string what) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new CodingResponseFormatException($"{what} has no '{name}' text");

    private static double Number(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw new CodingResponseFormatException($"a code has no '{name}' number");
}
