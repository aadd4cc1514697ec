namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>A labelled identifier span, re-expressed as UTF-16 offsets into one utterance's text.</summary>
internal sealed record GoldSpan(int UtteranceIndex, int Start, int End, string Type, string Text)
{
    public bool Overlaps(int utterance, int start, int end) => utterance == UtteranceIndex && start < End && Start < end;
}
