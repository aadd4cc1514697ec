namespace Workflow.Engines.Local.Speech;

/// <summary>
/// Turns a stream of per-frame speech probabilities into speech regions with hysteresis, minimum
/// speech and silence lengths, and padding. Pure and stateful: feed frames in order, then
/// <see cref="Finish"/>. Holds only the regions found, never audio.
/// </summary>
internal sealed class SpeechRegionTracker(VoiceActivitySettings settings)
{
    private readonly long _minSpeech = settings.Samples(settings.MinSpeech);
    private readonly long _minSilence = settings.Samples(settings.MinSilence);
    private readonly List<SpeechRegion> _regions = [];
    private long? _speechStart;
    private long? _silenceStart;

    /// <summary>Records the probability of the frame that starts at sample <paramref name="frameStart"/>.</summary>
    public void Add(long frameStart, float probability)
    {
        if (probability >= settings.StartThreshold)
        {
            _silenceStart = null; // the pause was too short to end the region
            _speechStart ??= frameStart;
            return;
        }
        if (_speechStart is null || probability >= settings.StopThreshold) return;

        _silenceStart ??= frameStart;
        if (frameStart - _silenceStart.Value < _minSilence) return;
        Close(_silenceStart.Value);
    }

    /// <summary>Closes a region still open at <paramref name="end"/> and returns all regions, padded within [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public IReadOnlyList<SpeechRegion> Finish(long start, long end)
    {
        if (_speechStart is not null) Close(_silenceStart ?? end);
        return Pad(_regions, settings.Samples(settings.Padding), start, end);
    }

    private void Close(long end)
    {
        if (end - _speechStart!.Value >= _minSpeech) _regions.Add(new SpeechRegion(_speechStart.Value, end));
        (_speechStart, _silenceStart) = (null, null);
    }

    /// <summary>Pads each region, splitting a gap shorter than two paddings between its neighbours.</summary>
    internal static IReadOnlyList<SpeechRegion> Pad(IReadOnlyList<SpeechRegion> regions, long padding, long start, long end)
    {
        var padded = new List<SpeechRegion>(regions.Count);
        for (var i = 0; i < regions.Count; i++)
        {
            var from = Math.Max(i == 0 ? start : padded[i - 1].End, regions[i].Start - padding);
            var to = i + 1 < regions.Count
                ? Math.Min(regions[i].End + padding, (regions[i].End + regions[i + 1].Start) / 2)
                : Math.Min(end, regions[i].End + padding);
            padded.Add(new SpeechRegion(from, to));
        }
        return padded;
    }
}
