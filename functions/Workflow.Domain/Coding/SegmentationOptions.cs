namespace Workflow.Domain.Coding;

/// <summary>How <see cref="Segmenter"/> cuts de-identified transcripts into codable segments.</summary>
public sealed class SegmentationOptions
{
    /// <summary>Speakers whose turns give context but are not coded: the researchers' side of the conversation.</summary>
    public static IReadOnlyList<string> DefaultNonCodableSpeakers { get; } = ["Interviewer", "Facilitator", "Moderator", "I"];

    /// <summary>The defaults: 150 words per segment, 6 words to be codable, researcher roles not codable.</summary>
    public static SegmentationOptions Default { get; } = new();

    /// <summary>Turns longer than this many words are split into runs of whole sentences of at most this many.</summary>
    public int MaxWords { get; init; } = 150;

    /// <summary>Shorter segments ("Yeah.", "Mm-hm") carry too little to code and are left uncodable.</summary>
    public int MinCodableWords { get; init; } = 6;

    /// <summary>Speaker labels (compared case-insensitively) whose segments are never codable.</summary>
    public IReadOnlyCollection<string> NonCodableSpeakers { get; init; } = DefaultNonCodableSpeakers;
}
