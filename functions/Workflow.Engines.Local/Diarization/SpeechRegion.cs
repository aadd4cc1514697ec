using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// A stretch of speech in seconds from the start of the recording. Diarization takes these from any
/// source: the recogniser's word timings today, a voice-activity detector later.
/// </summary>
internal readonly record struct SpeechRegion(double StartSeconds, double EndSeconds)
{
    public double Duration => EndSeconds - StartSeconds;

    /// <summary>
    /// Joins words separated by less than <paramref name="maxGapSeconds"/> into regions. A pause that
    /// short rarely hides a change of speaker, and longer regions give steadier voice statistics.
    /// </summary>
    public static IReadOnlyList<SpeechRegion> FromWords(IEnumerable<Word> words, double maxGapSeconds = 0.4)
    {
        var regions = new List<SpeechRegion>();
        foreach (var word in words.OrderBy(w => w.StartSeconds))
        {
            if (word.EndSeconds <= word.StartSeconds) continue;
            if (regions.Count > 0 && word.StartSeconds - regions[^1].EndSeconds < maxGapSeconds)
                regions[^1] = regions[^1] with { EndSeconds = Math.Max(regions[^1].EndSeconds, word.EndSeconds) };
            else
                regions.Add(new SpeechRegion(word.StartSeconds, word.EndSeconds));
        }
        return regions;
    }
}
