using System.Text.Json;
using Workflow.Domain.Serialization;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Tests.Import.Fuzzing;

/// <summary>
/// What every imported transcript must satisfy for the later stages, which index into utterance text
/// and store the transcript as JSON: turns numbered from 0, speakers and texts present, trimmed and
/// valid UTF-16, times either absent or finite and in order, and the whole thing serialisable.
/// </summary>
internal static class TranscriptInvariants
{
    /// <summary>The first broken invariant, or null when the transcript is sound.</summary>
    public static string? Violation(Transcript transcript)
    {
        if (transcript.Utterances.Count == 0) return "no utterances (importers must refuse a file without turns)";
        double? previousStart = null;
        for (var i = 0; i < transcript.Utterances.Count; i++)
        {
            var u = transcript.Utterances[i];
            if (u.Index != i) return $"utterance {i} has index {u.Index}";
            if (string.IsNullOrWhiteSpace(u.Text)) return $"utterance {i} has no text";
            if (u.Text.Trim() != u.Text) return $"utterance {i} text is not trimmed";
            if (string.IsNullOrWhiteSpace(u.Speaker)) return $"utterance {i} has no speaker";
            if (!IsValidUtf16(u.Text) || !IsValidUtf16(u.Speaker)) return $"utterance {i} holds a lone surrogate";
            if (u.Words.Count != 0) return $"utterance {i} has word timings from an importer";
            if (u.StartSeconds is null != u.EndSeconds is null) return $"utterance {i} has only one of its times";
            if (u.StartSeconds is { } start && u.EndSeconds is { } end)
            {
                if (!double.IsFinite(start) || !double.IsFinite(end)) return $"utterance {i} has a time that is not finite";
                if (end < start) return $"utterance {i} ends before it starts";
                if (previousStart > start) return $"utterance {i} starts before the one before it";
                previousStart = start;
            }
        }
        try
        {
            JsonSerializer.Serialize(transcript, WorkflowJson.Options);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or JsonException)
        {
            return $"the transcript cannot be stored as JSON ({e.GetType().Name})";
        }
        return null;
    }

    private static bool IsValidUtf16(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
            else if (char.IsSurrogate(value[i])) return false;
        }
        return true;
    }
}
