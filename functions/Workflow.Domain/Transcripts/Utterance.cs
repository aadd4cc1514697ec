namespace Workflow.Domain.Transcripts;

/// <summary>
/// One speaker turn. Times are null for imported plain-text transcripts; <see cref="Words"/> is
/// empty unless an engine produced word timings. Offsets elsewhere in the domain index into <see cref="Text"/>
/// as UTF-16 code units.
/// </summary>
public sealed record Utterance(
    int Index,
    string Speaker,
    double? StartSeconds,
    double? EndSeconds,
    string Text,
    IReadOnlyList<Word> Words)
{
    /// <summary>Creates an utterance without timings (imported text).</summary>
    public static Utterance Untimed(int index, string speaker, string text) => new(index, speaker, null, null, text, []);
}
