namespace Workflow.Domain.Transcripts;

/// <summary>
/// A transcript of one recording as produced by an engine or importer. This is identifiable
/// material: it is stored only in the identifiable store and never logged.
/// </summary>
public sealed record Transcript(string RecordingId, string Source, IReadOnlyList<Utterance> Utterances)
{
    /// <summary>Distinct speaker labels in order of first appearance.</summary>
    public IReadOnlyList<string> Speakers => Utterances.Select(u => u.Speaker).Distinct(StringComparer.Ordinal).ToList();
}
