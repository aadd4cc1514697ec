namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// Mel-frequency cepstral coefficients of 16 kHz audio: 25 ms Hamming frames every 10 ms, pre-emphasis
/// 0.97, 512-point FFT, 26 mel filters from 20 Hz to 8 kHz, log, DCT-II. Coefficient 0 is the frame's
/// log energy; speaker features leave it out because loudness says more about the microphone than the voice.
/// One instance holds its scratch buffers, so it is not thread-safe.
/// </summary>
internal sealed class Mfcc
{
    public const int SampleRate = 16000;
    public const int FrameLength = 400;
    public const int FrameShift = 160;
    public const int FftSize = 512;
    public const int FilterCount = 26;
    public const double LowHz = 20;
    public const double HighHz = 8000;
    private const double PreEmphasis = 0.97;

    private static readonly double[] Hamming =
        Enumerable.Range(0, FrameLength).Select(n => 0.54 - 0.46 * Math.Cos(2 * Math.PI * n / (FrameLength - 1))).ToArray();

    private readonly MelFilterBank _filters = new(FilterCount, FftSize, SampleRate, LowHz, HighHz);
    private readonly double[,] _dct;
    private readonly double[] _real = new double[FftSize];
    private readonly double[] _imaginary = new double[FftSize];
    private readonly double[] _power = new double[FftSize / 2 + 1];
    private readonly double[] _energies = new double[FilterCount];

    public Mfcc(int coefficientCount = 20)
    {
        CoefficientCount = coefficientCount;
        _dct = new double[coefficientCount, FilterCount];
        for (var i = 0; i < coefficientCount; i++)
            for (var j = 0; j < FilterCount; j++)
                _dct[i, j] = Math.Cos(Math.PI * i * (j + 0.5) / FilterCount);
    }

    public int CoefficientCount { get; }

    /// <summary>Number of whole frames in <paramref name="sampleCount"/> samples.</summary>
    public static int FrameCount(int sampleCount) => sampleCount < FrameLength ? 0 : (sampleCount - FrameLength) / FrameShift + 1;

    /// <summary>Log mel energies of one frame (exposed so tests can check where a tone's energy lands).</summary>
    public ReadOnlySpan<double> LogMelEnergies(ReadOnlySpan<float> frame)
    {
        PowerSpectrum(frame);
        _filters.Apply(_power, _energies);
        // The floor keeps log finite on digital silence without changing any audible frame.
        for (var j = 0; j < FilterCount; j++) _energies[j] = Math.Log(Math.Max(_energies[j], 1e-10));
        return _energies;
    }

    /// <summary>Writes the cepstral coefficients of one frame of <see cref="FrameLength"/> samples (scaled to ±1) into <paramref name="coefficients"/>.</summary>
    public void Compute(ReadOnlySpan<float> frame, Span<double> coefficients)
    {
        var logEnergies = LogMelEnergies(frame);
        for (var i = 0; i < CoefficientCount; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < FilterCount; j++) sum += _dct[i, j] * logEnergies[j];
            coefficients[i] = sum;
        }
    }

    private void PowerSpectrum(ReadOnlySpan<float> frame)
    {
        if (frame.Length != FrameLength) throw new ArgumentException($"A frame is {FrameLength} samples.", nameof(frame));
        var mean = 0.0;
        foreach (var s in frame) mean += s;
        mean /= FrameLength;

        var previous = frame[0] - mean;
        for (var n = 0; n < FrameLength; n++)
        {
            var sample = frame[n] - mean;
            _real[n] = (sample - PreEmphasis * previous) * Hamming[n];
            previous = sample;
        }
        Array.Clear(_real, FrameLength, FftSize - FrameLength);
        Array.Clear(_imaginary);
        Fft.Transform(_real, _imaginary);
        for (var k = 0; k < _power.Length; k++) _power[k] = _real[k] * _real[k] + _imaginary[k] * _imaginary[k];
    }
}
