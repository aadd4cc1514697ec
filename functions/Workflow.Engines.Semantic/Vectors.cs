namespace Workflow.Engines.Semantic;

/// <summary>Small vector arithmetic on embeddings. Pure.</summary>
internal static class Vectors
{
    public static float[] Normalized(float[] v)
    {
        var norm = MathF.Sqrt(Dot(v, v));
        if (norm == 0) return v;
        var result = new float[v.Length];
        for (var i = 0; i < v.Length; i++) result[i] = v[i] / norm;
        return result;
    }

    /// <summary>Cosine similarity of two unit vectors.</summary>
    public static float Dot(float[] a, float[] b)
    {
        float sum = 0;
        for (var i = 0; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    /// <summary>The unit-length weighted sum of unit vectors (a mean direction).</summary>
    public static float[] Blend(IReadOnlyList<(float[] Vector, double Weight)> parts)
    {
        var sum = new float[parts[0].Vector.Length];
        foreach (var (vector, weight) in parts)
            for (var i = 0; i < sum.Length; i++) sum[i] += (float)weight * vector[i];
        return Normalized(sum);
    }
}
