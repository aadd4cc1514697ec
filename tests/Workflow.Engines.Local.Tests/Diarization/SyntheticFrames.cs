using Workflow.Engines.Local.Diarization;

namespace Workflow.Engines.Local.Tests.Diarization;

/// <summary>
/// Made-up "voices" for tests of the pure clustering: Gaussian frames whose mean is a per-voice pattern
/// across every coefficient (as real voices differ in many coefficients at once) plus a per-window
/// drift (what is said and how moves a window's statistics), so windows of one voice scatter as real
/// ones do instead of sitting on a point.
/// </summary>
public static class SyntheticFrames
{
    /// <summary>
    /// <paramref name="windowsPerVoice"/> windows of 2 s (200 frames) per voice, interleaved. Voice v's
    /// mean is <paramref name="separation"/> times a fixed random pattern; each window drifts from it by
    /// <paramref name="drift"/> per coefficient.
    /// </summary>
    internal static (List<AnalysisWindow> Windows, List<WindowFeatures?> Features, List<int> Truth) Windows(
        int voices, int windowsPerVoice, double separation, int seed, double drift = 0.5)
    {
        var random = new Random(seed);
        var dimension = WindowFeatures.CepstraInVector;
        var patterns = Enumerable.Range(0, voices).Select(_ => Enumerable.Range(0, dimension).Select(_ => Normal(random) * separation).ToArray()).ToArray();
        var windows = new List<AnalysisWindow>();
        var features = new List<WindowFeatures?>();
        var truth = new List<int>();
        var frame = new double[dimension];
        for (var w = 0; w < windowsPerVoice * voices; w++)
        {
            var voice = w % voices;
            var centre = patterns[voice].Select(m => m + Normal(random) * drift).ToArray();
            var window = new AnalysisWindow(w * 3.0, w * 3.0 + 2, w);
            var sum = new double[dimension];
            var squares = new double[dimension];
            for (var f = 0; f < 200; f++)
            {
                for (var d = 0; d < dimension; d++) frame[d] = centre[d] + Normal(random);
                for (var d = 0; d < dimension; d++)
                {
                    sum[d] += frame[d];
                    squares[d] += frame[d] * frame[d];
                }
            }
            var vector = sum.Select(s => s / 200).Concat(squares.Select((q, d) => Math.Sqrt(q / 200 - Math.Pow(sum[d] / 200, 2)))).ToArray();
            windows.Add(window);
            features.Add(new WindowFeatures(window, vector, 200));
            truth.Add(voice);
        }
        return (windows, features, truth);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
