namespace Workflow.Engines.Local.Coding;

/// <summary>
/// One keyword or phrase of one code, as a sequence of stems. <see cref="Caps"/> marks words that must
/// be written in capitals in the text (acronyms such as "NA", so "na" in speech does not match).
/// </summary>
internal sealed record KeywordPattern(int CodeIndex, string[] Stems, bool[] Caps, double Weight);
