namespace Workflow.Engines.Local.Import;

/// <summary>One cue's times with the speaker and plain text resolved.</summary>
internal readonly record struct WebVttCue(double Start, double End, string Speaker, string Text);
