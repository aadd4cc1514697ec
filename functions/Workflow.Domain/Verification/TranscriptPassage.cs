namespace Workflow.Domain.Verification;

/// <summary>
/// A stretch of one turn whose recognised words the recogniser was unsure of, for a coder to listen to
/// and correct. <see cref="FirstWord"/> and <see cref="LastWord"/> index the turn's words in the
/// de-identified transcript; <see cref="Start"/> and <see cref="End"/> are offsets into that
/// transcript's utterance text (UTF-16), from which the final transcript places a correction. Times
/// are seconds from the start of the recording. Carries no words, so it may travel with the item.
/// </summary>
public sealed record TranscriptPassage(
    int UtteranceIndex,
    int FirstWord,
    int LastWord,
    int Start,
    int End,
    double StartSeconds,
    double EndSeconds,
    double MeanConfidence)
{
    public int WordCount => LastWord - FirstWord + 1;
}
