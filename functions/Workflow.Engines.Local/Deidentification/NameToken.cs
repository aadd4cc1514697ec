namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// A word of an utterance as the name and place detectors see it. <see cref="Start"/>/<see cref="End"/>
/// are UTF-16 offsets into the original text; <see cref="CoreEnd"/> excludes a clitic ("Jo's", "Mouse'll",
/// "Kev’s"), which policy keeps outside spans. <see cref="Key"/> is the folded core (lower case, accents,
/// zero-width characters and full-width forms removed), so odd Unicode cannot hide a name from a lookup.
/// </summary>
internal readonly record struct NameToken(int Start, int End, int CoreEnd, string Key, string FullKey, WordShape Shape, bool SentenceStart)
{
    /// <summary>True for an initial capital (edited text) but not for ALL CAPS.</summary>
    public bool IsCapitalised => Shape == WordShape.Capitalised;

    /// <summary>True when case carries no evidence: lower case, or ALL CAPS as some transcribers write.</summary>
    public bool IsCaseless => Shape is WordShape.Lower or WordShape.AllCaps;

    /// <summary>True when the word has a clitic or possessive after its core.</summary>
    public bool HasClitic => CoreEnd < End;
}
