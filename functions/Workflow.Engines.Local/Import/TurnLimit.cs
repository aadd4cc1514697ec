using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Import;

/// <summary>
/// Bounds how many turns, cues or intervals one transcript may hold. A 19 MB text file of
/// one-word turns ("A: b") made 3.8 million utterances and a live heap of 1.2 GB before any later
/// stage ran; a ten-hour focus group has a few thousand.
/// </summary>
internal static class TurnLimit
{
    public const int Max = 100_000;

    /// <summary>Throws once <paramref name="count"/> items are already held and another would be added.</summary>
    public static void BeforeAdding(int count, string what)
    {
        if (count >= Max)
            throw new TranscriptFormatException($"The file holds more than {Max:N0} {what}, far beyond any interview or focus group; check that it is one transcript.");
    }
}
