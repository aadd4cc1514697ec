namespace Workflow.Engines.Local.Coding;

/// <summary>
/// A word of a segment: where it stands (UTF-16 offsets, end exclusive), its matching key, whether it
/// was written in capitals (so acronyms such as "NA" match only as acronyms), and whether punctuation
/// or a bracketed label separates it from the previous word (phrases never match across one).
/// </summary>
internal readonly record struct Token(int Start, int End, string Stem, bool AllCaps, bool BreakBefore);
