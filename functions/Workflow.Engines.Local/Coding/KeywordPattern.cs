namespace Workflow.Engines.Local.Coding;

/// <summary>
/// One keyword or phrase of one code, as a sequence of stems. <see cref="Caps"/> marks words that must
/// be written in capitals in the text (acronyms such as "NA", so "na" in speech does not match).
/// <see cref="Negative"/>: the phrase itself negates ("never been asked"), so a negation before it is
/// part of what it means, not a denial of it. <see cref="Lowercase"/>: written without capitals in the
/// codebook, so a word inside a name in the text is not it.
/// </summary>
internal sealed record KeywordPattern(int CodeIndex, string[] Stems, bool[] Caps, double Weight, bool Negative, bool Lowercase);
