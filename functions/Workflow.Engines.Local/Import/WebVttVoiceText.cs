namespace Workflow.Engines.Local.Import;

/// <summary>A run of cue text and the voice (<c>&lt;v Name&gt;</c>) it was spoken in, if any.</summary>
internal readonly record struct WebVttVoiceText(string? Voice, string Text);
