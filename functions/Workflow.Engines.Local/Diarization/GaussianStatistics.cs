namespace Workflow.Engines.Local.Diarization;

/// <summary>
/// Sufficient statistics (count, sum, sum of outer products) of feature frames, so the full-covariance
/// Gaussian of any group of windows is the sum of theirs: the speaker-count criterion never needs the
/// frames again.
/// </summary>
internal sealed class GaussianStatistics
{
    public GaussianStatistics(int dimension)
    {
        Dimension = dimension;
        Sum = new double[dimension];
        Scatter = new double[dimension * dimension];
    }

    public int Dimension { get; }

    public long Count { get; private set; }

    public double[] Sum { get; }

    /// <summary>Row-major sum of x xᵀ.</summary>
    public double[] Scatter { get; }

    public void Add(ReadOnlySpan<double> frame)
    {
        Count++;
        for (var i = 0; i < Dimension; i++)
        {
            Sum[i] += frame[i];
            for (var j = 0; j <= i; j++) Scatter[i * Dimension + j] += frame[i] * frame[j];
        }
    }

    public void Add(GaussianStatistics other)
    {
        Count += other.Count;
        for (var i = 0; i < Sum.Length; i++) Sum[i] += other.Sum[i];
        for (var i = 0; i < Scatter.Length; i++) Scatter[i] += other.Scatter[i];
    }

    /// <summary>
    /// log |Σ| of the maximum-likelihood covariance, by Cholesky. A tiny ridge keeps a group of nearly
    /// identical frames (a held tone, silence) from giving minus infinity.
    /// </summary>
    public double LogDeterminant()
    {
        if (Count < 2) throw new InvalidOperationException("A covariance needs at least two frames.");
        var d = Dimension;
        var covariance = new double[d * d];
        for (var i = 0; i < d; i++)
            for (var j = 0; j <= i; j++)
                covariance[i * d + j] = Scatter[i * d + j] / Count - Sum[i] / Count * (Sum[j] / Count);
        var ridge = 1e-6 * Enumerable.Range(0, d).Average(i => Math.Abs(covariance[i * d + i])) + 1e-12;
        for (var i = 0; i < d; i++) covariance[i * d + i] += ridge;

        // Lower-triangular Cholesky in place; log|Σ| = 2 Σ log L_ii.
        var logDet = 0.0;
        for (var j = 0; j < d; j++)
        {
            var diagonal = covariance[j * d + j];
            for (var k = 0; k < j; k++) diagonal -= covariance[j * d + k] * covariance[j * d + k];
            diagonal = Math.Sqrt(Math.Max(diagonal, 1e-300));
            covariance[j * d + j] = diagonal;
            logDet += 2 * Math.Log(diagonal);
            for (var i = j + 1; i < d; i++)
            {
                var value = covariance[i * d + j];
                for (var k = 0; k < j; k++) value -= covariance[i * d + k] * covariance[j * d + k];
                covariance[i * d + j] = value / diagonal;
            }
        }
        return logDet;
    }
}
