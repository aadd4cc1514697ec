using Workflow.Engines.Local.Diarization;

namespace Workflow.Engines.Local.Tests.Diarization;

/// <summary>Made-up "voices" for tests of the pure clustering: Gaussian frames with a per-voice mean and spread.</summary>
public static class SyntheticFrames
{
    /// <summary>
    /// Windows of 2 s (200 frames of <see cref="WindowFeatures.CepstraInGaussian"/> dimensions) for each
    /// voice in turn, <paramref name="windowsPerVoice"/> each, interleaved; voice v has mean
    /// <paramref name="separation"/>·v on dimension v and spread 1 + 0.3·v.
    /// </summary>
    internal static (List<AnalysisWindow> Windows, List<WindowFeatures?> Features, List<int> Truth) Windows(int voices, int windowsPerVoice, double separation, int seed)
    {
        var random = new Random(seed);
        var windows = new List<AnalysisWindow>();
        var features = new List<WindowFeatures?>();
        var truth = new List<int>();
        var frame = new double[WindowFeatures.CepstraInVector];
        for (var w = 0; w < windowsPerVoice * voices; w++)
        {
            var voice = w % voices;
            var window = new AnalysisWindow(w * 3.0, w * 3.0 + 2, w);
            var gaussian = new GaussianStatistics(WindowFeatures.CepstraInGaussian);
            var sum = new double[frame.Length];
            var squares = new double[frame.Length];
            for (var f = 0; f < 200; f++)
            {
                for (var d = 0; d < frame.Length; d++)
                    frame[d] = (d == voice ? separation * voice : 0) + Normal(random) * (1 + 0.3 * (d == voice ? voice : 0));
                gaussian.Add(frame.AsSpan(0, WindowFeatures.CepstraInGaussian));
                for (var d = 0; d < frame.Length; d++)
                {
                    sum[d] += frame[d];
                    squares[d] += frame[d] * frame[d];
                }
            }
            var vector = sum.Select(s => s / 200).Concat(squares.Select((q, d) => Math.Sqrt(q / 200 - Math.Pow(sum[d] / 200, 2)))).ToArray();
            windows.Add(window);
            features.Add(new WindowFeatures(window, vector, gaussian));
            truth.Add(voice);
        }
        return (windows, features, truth);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
