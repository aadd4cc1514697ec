namespace Workflow.Engines.Local.Coding;

/// <summary>
/// A word of a segment: where it stands (UTF-16 offsets, end exclusive), its matching key, whether it
/// was written in capitals (so acronyms such as "NA" match only as acronyms), and whether punctuation
/// or a bracketed label separates it from the previous word (phrases never match across one).
/// </summary>
internal readonly record struct Token(int Start, int End, string Stem, bool AllCaps, bool BreakBefore)
{
    /// <summary>The word as written, lower case without accents or apostrophes ("thats").</summary>
    public string Word { get; init; } = "";

    /// <summary>Punctuation (not just a label) stands before it: a negation's reach ends there.</summary>
    public bool PunctuationBefore { get; init; }

    /// <summary>First word of the text or of a sentence (after . ! ? or a line break).</summary>
    public bool SentenceStart { get; init; }

    /// <summary>Written with a capital and then lower case ("College"), as words of names are.</summary>
    public bool TitleCase { get; init; }

    /// <summary>The word as written is one of the most frequent of English (<see cref="CommonWords"/>).</summary>
    public bool Common { get; init; }
}
