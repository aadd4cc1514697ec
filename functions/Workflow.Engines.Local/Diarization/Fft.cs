namespace Workflow.Engines.Local.Diarization;

/// <summary>In-place iterative radix-2 FFT; the frame sizes used here are powers of two, so nothing more general is needed.</summary>
internal static class Fft
{
    /// <summary>Transforms (<paramref name="real"/>, <paramref name="imaginary"/>) in place; the length must be a power of two.</summary>
    public static void Transform(Span<double> real, Span<double> imaginary)
    {
        var n = real.Length;
        if (n != imaginary.Length || n == 0 || (n & (n - 1)) != 0)
            throw new ArgumentException("FFT length must be a power of two and both parts the same length.", nameof(real));

        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1) j ^= bit;
            j |= bit;
            if (i < j)
            {
                (real[i], real[j]) = (real[j], real[i]);
                (imaginary[i], imaginary[j]) = (imaginary[j], imaginary[i]);
            }
        }

        for (var length = 2; length <= n; length <<= 1)
        {
            var angle = -2 * Math.PI / length;
            var (stepRe, stepIm) = (Math.Cos(angle), Math.Sin(angle));
            for (var start = 0; start < n; start += length)
            {
                var (wRe, wIm) = (1.0, 0.0);
                for (var k = 0; k < length / 2; k++)
                {
                    var a = start + k;
                    var b = a + length / 2;
                    var tRe = real[b] * wRe - imaginary[b] * wIm;
                    var tIm = real[b] * wIm + imaginary[b] * wRe;
                    real[b] = real[a] - tRe;
                    imaginary[b] = imaginary[a] - tIm;
                    real[a] += tRe;
                    imaginary[a] += tIm;
                    (wRe, wIm) = (wRe * stepRe - wIm * stepIm, wRe * stepIm + wIm * stepRe);
                }
            }
        }
    }
}
