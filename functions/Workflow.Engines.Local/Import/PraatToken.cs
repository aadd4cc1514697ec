namespace Workflow.Engines.Local.Import;

/// <summary>A value read from a Praat text file and the line it starts on.</summary>
internal readonly record struct PraatToken(PraatTokenKind Kind, string Text, double Number, int Line);
