namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// What one analysis window says about its voice: the mean and standard deviation of cepstral
/// coefficients 1-19 over its frames.
/// </summary>
internal sealed record WindowFeatures(AnalysisWindow Window, double[] Vector, int FrameCount)
{
    public const int CepstraInVector = 19;

    /// <summary>
    /// Computes the features of each window, reading one window of samples at a time. Windows too short
    /// for a single frame are left out (null).
    /// </summary>
    public static WindowFeatures?[] Extract(PcmFile audio, IReadOnlyList<AnalysisWindow> windows, CancellationToken cancellationToken)
    {
        var mfcc = new Mfcc(CepstraInVector + 1);
        var coefficients = new double[mfcc.CoefficientCount];
        var result = new WindowFeatures?[windows.Count];
        for (var w = 0; w < windows.Count; w++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var samples = audio.Read(windows[w].StartSeconds, windows[w].EndSeconds);
            var frames = Mfcc.FrameCount(samples.Length);
            if (frames < 2) continue;

            var sum = new double[CepstraInVector];
            var sumSquares = new double[CepstraInVector];
            for (var f = 0; f < frames; f++)
            {
                mfcc.Compute(samples.AsSpan(f * Mfcc.FrameShift, Mfcc.FrameLength), coefficients);
                var cepstra = coefficients.AsSpan(1); // c0 is loudness, not voice
                for (var i = 0; i < CepstraInVector; i++)
                {
                    sum[i] += cepstra[i];
                    sumSquares[i] += cepstra[i] * cepstra[i];
                }
            }

            // No per-file cepstral mean subtraction here: the clustering standardises every dimension
            // across the file's windows, which removes the same channel offset.
            var vector = new double[2 * CepstraInVector];
            for (var i = 0; i < CepstraInVector; i++)
            {
                var mean = sum[i] / frames;
                vector[i] = mean;
                vector[CepstraInVector + i] = Math.Sqrt(Math.Max(0, sumSquares[i] / frames - mean * mean));
            }
            result[w] = new WindowFeatures(windows[w], vector, frames);
        }
        return result;
    }
}
