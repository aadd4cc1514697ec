namespace Workflow.Domain.Transcripts;

/// <summary>
/// A transcript of one recording as produced by an engine or importer. This is identifiable
/// material: it is stored only in the identifiable store and never logged. <see cref="RunId"/> is the
/// batch that re-transcribed it (null for the first pass); <see cref="EngineVersion"/> the version of the
/// engine or importer named by <see cref="Source"/> (null on transcripts stored before versions were kept).
/// </summary>
public sealed record Transcript(string RecordingId, string Source, IReadOnlyList<Utterance> Utterances, string? RunId = null, string? EngineVersion = null)
{
    /// <summary>Distinct speaker labels in order of first appearance.</summary>
    public IReadOnlyList<string> Speakers => Utterances.Select(u => u.Speaker).Distinct(StringComparer.Ordinal).ToList();
}
