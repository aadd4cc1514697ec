namespace Workflow.Domain.Coding;

/// <summary>
/// A codable unit: a speaker turn, or a run of sentences of a long turn. <see cref="Start"/>/<see cref="End"/>
/// are UTF-16 offsets into the de-identified utterance text. Interviewer and facilitator turns are
/// segments too (they give context) but are not <see cref="Codable"/>.
/// </summary>
public sealed record Segment(string Id, int UtteranceIndex, int Start, int End, string Speaker, string Text, bool Codable);
