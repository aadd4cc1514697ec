using System.Text.Json;

namespace Workflow.Engines.Azure.Language;

/// <summary>
/// One text sent for PII detection, with the utterance and offset it came from; <see cref="Participant"/>
/// is the speaker's number in the transcript (the conversation call sends it; never the speaker's label).
/// </summary>
internal sealed record PiiDocument(string Id, string Text, int UtteranceIndex, int Offset, string Participant = "1");

/// <summary>An entity the service found, offsets in UTF-16 code units of the document text.</summary>
internal sealed record PiiEntity(string Text, string Category, string? Subcategory, int Offset, int Length, double ConfidenceScore)
{
    /// <summary>The entities of one document or conversation item, in the shape both PII calls answer with.</summary>
    public static IReadOnlyList<PiiEntity> ListOf(JsonElement entities) =>
        entities.EnumerateArray().Select(e => new PiiEntity(
            e.GetProperty("text").GetString()!,
            e.GetProperty("category").GetString()!,
            e.TryGetProperty("subcategory", out var sub) ? sub.GetString() : null,
            e.GetProperty("offset").GetInt32(),
            e.GetProperty("length").GetInt32(),
            e.GetProperty("confidenceScore").GetDouble())).ToList();
}
