namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// Triangular filters equally spaced on the mel scale, stored sparsely (first bin and weights) because
/// each filter covers only a few of the FFT bins.
/// </summary>
internal sealed class MelFilterBank
{
    private readonly int[] _firstBin;
    private readonly double[][] _weights;

    public MelFilterBank(int filterCount, int fftSize, int sampleRate, double lowHz, double highHz)
    {
        var bins = fftSize / 2 + 1;
        var lowMel = HzToMel(lowHz);
        var highMel = HzToMel(highHz);
        // filterCount + 2 edge frequencies: each filter rises from edge i to i+1 and falls to i+2.
        var edges = Enumerable.Range(0, filterCount + 2)
            .Select(i => MelToHz(lowMel + (highMel - lowMel) * i / (filterCount + 1)) * fftSize / sampleRate)
            .ToArray();

        _firstBin = new int[filterCount];
        _weights = new double[filterCount][];
        for (var f = 0; f < filterCount; f++)
        {
            var (left, centre, right) = (edges[f], edges[f + 1], edges[f + 2]);
            var first = Math.Max(0, (int)Math.Ceiling(left));
            var last = Math.Min(bins - 1, (int)Math.Floor(right));
            var weights = new double[Math.Max(0, last - first + 1)];
            for (var bin = first; bin <= last; bin++)
                weights[bin - first] = bin <= centre
                    ? (bin - left) / Math.Max(centre - left, 1e-9)
                    : (right - bin) / Math.Max(right - centre, 1e-9);
            _firstBin[f] = first;
            _weights[f] = weights;
        }
    }

    public int Count => _weights.Length;

    /// <summary>Centre frequency of filter <paramref name="filter"/> in Hz, for tests and diagnostics.</summary>
    public static double CentreHz(int filter, int filterCount, double lowHz, double highHz)
    {
        var lowMel = HzToMel(lowHz);
        return MelToHz(lowMel + (HzToMel(highHz) - lowMel) * (filter + 1) / (filterCount + 1));
    }

    /// <summary>Writes each filter's energy of <paramref name="power"/> (one value per FFT bin up to Nyquist) into <paramref name="energies"/>.</summary>
    public void Apply(ReadOnlySpan<double> power, Span<double> energies)
    {
        for (var f = 0; f < _weights.Length; f++)
        {
            var sum = 0.0;
            var weights = _weights[f];
            for (var i = 0; i < weights.Length; i++) sum += weights[i] * power[_firstBin[f] + i];
            energies[f] = sum;
        }
    }

    private static double HzToMel(double hz) => 2595 * Math.Log10(1 + hz / 700);

    private static double MelToHz(double mel) => 700 * (Math.Pow(10, mel / 2595) - 1);
}
