namespace Workflow.Engines.Local.Diarization;

/// <summary>The diarization result: each analysis window with its speaker (0-based cluster number, in no particular order).</summary>
internal sealed class SpeakerTimeline
{
    private readonly AnalysisWindow[] _windows;
    private readonly int[] _speakers;

    public SpeakerTimeline(IReadOnlyList<AnalysisWindow> windows, IReadOnlyList<int> speakers, int speakerCount)
    {
        if (windows.Count != speakers.Count) throw new ArgumentException("One speaker per window.", nameof(speakers));
        var order = Enumerable.Range(0, windows.Count).OrderBy(i => windows[i].StartSeconds).ToArray();
        _windows = order.Select(i => windows[i]).ToArray();
        _speakers = order.Select(i => speakers[i]).ToArray();
        SpeakerCount = speakerCount;
    }

    /// <summary>Everything is one speaker.</summary>
    public static SpeakerTimeline Single => new([], [], 1);

    public int SpeakerCount { get; }

    public IReadOnlyList<AnalysisWindow> Windows => _windows;

    public IReadOnlyList<int> Speakers => _speakers;

    /// <summary>The speaker of the window covering <paramref name="seconds"/>, else of the nearest window; 0 when there are none.</summary>
    public int SpeakerAt(double seconds)
    {
        if (_windows.Length == 0) return 0;
        var low = 0;
        var high = _windows.Length - 1;
        while (low < high) // first window ending after the time
        {
            var mid = (low + high) / 2;
            if (_windows[mid].EndSeconds <= seconds) low = mid + 1;
            else high = mid;
        }
        if (_windows[low].StartSeconds <= seconds && seconds < _windows[low].EndSeconds) return _speakers[low];
        var before = low > 0 ? low - 1 : low;
        var gapBefore = Math.Abs(seconds - _windows[before].EndSeconds);
        var gapAfter = Math.Abs(_windows[low].StartSeconds - seconds);
        return gapBefore <= gapAfter ? _speakers[before] : _speakers[low];
    }
}
