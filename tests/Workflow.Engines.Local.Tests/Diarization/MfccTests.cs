using Workflow.Engines.Local.Diarization;

namespace Workflow.Engines.Local.Tests.Diarization;

public sealed class MfccTests
{
    private static float[] Sine(double hz, double amplitude = 0.5) =>
        Enumerable.Range(0, Mfcc.FrameLength).Select(n => (float)(amplitude * Math.Sin(2 * Math.PI * hz * n / Mfcc.SampleRate))).ToArray();

    [Theory]
    [InlineData(300)]
    [InlineData(1000)]
    [InlineData(3000)]
    public void LogMelEnergies_Sine_PeaksInTheFilterCentredNearestItsFrequency(double hz)
    {
        var energies = new Mfcc().LogMelEnergies(Sine(hz)).ToArray();

        var peak = Array.IndexOf(energies, energies.Max());
        var nearest = Enumerable.Range(0, Mfcc.FilterCount)
            .MinBy(f => Math.Abs(MelFilterBank.CentreHz(f, Mfcc.FilterCount, Mfcc.LowHz, Mfcc.HighHz) - hz));
        Assert.InRange(peak, nearest - 1, nearest + 1);
        // Far filters see only window leakage: at least 30 dB (in power, ln 1000 ≈ 6.9) below the peak.
        Assert.True(energies[peak] - energies[^1] > 6.9, $"peak {energies[peak]:0.0}, top filter {energies[^1]:0.0}");
    }

    [Fact]
    public void Compute_LouderCopy_ChangesOnlyCoefficientZero()
    {
        var mfcc = new Mfcc(13);
        var quiet = new double[13];
        var loud = new double[13];
        var noise = new Random(1);
        var frame = Sine(500, 0.1).Select(s => s + (float)(noise.NextDouble() * 0.01)).ToArray();

        mfcc.Compute(frame, quiet);
        mfcc.Compute(frame.Select(s => s * 4).ToArray(), loud);

        // A gain is a constant added to every log energy; the DCT puts a constant into c0 alone.
        Assert.Equal(Math.Log(16) * Mfcc.FilterCount, loud[0] - quiet[0], 3);
        for (var i = 1; i < 13; i++) Assert.Equal(quiet[i], loud[i], 6);
    }

    [Fact]
    public void Compute_DifferentTones_GiveDifferentCepstra()
    {
        var mfcc = new Mfcc(13);
        var low = new double[13];
        var high = new double[13];

        mfcc.Compute(Sine(200), low);
        mfcc.Compute(Sine(2500), high);

        Assert.True(low.Skip(1).Zip(high.Skip(1)).Sum(p => Math.Abs(p.First - p.Second)) > 10);
    }

    [Fact]
    public void FrameCount_CountsWholeFramesEveryTenMilliseconds()
    {
        Assert.Equal(0, Mfcc.FrameCount(399));
        Assert.Equal(1, Mfcc.FrameCount(400));
        Assert.Equal(2, Mfcc.FrameCount(560));
        Assert.Equal(98, Mfcc.FrameCount(16000));
    }

    [Fact]
    public void Fft_Impulse_IsFlat_AndCosineHitsItsBin()
    {
        var real = new double[16];
        var imaginary = new double[16];
        real[0] = 1;
        Fft.Transform(real, imaginary);
        Assert.All(real, r => Assert.Equal(1, r, 9));

        real = Enumerable.Range(0, 16).Select(n => Math.Cos(2 * Math.PI * 3 * n / 16)).ToArray();
        imaginary = new double[16];
        Fft.Transform(real, imaginary);
        Assert.Equal(8, real[3], 9);
        Assert.Equal(8, real[13], 9);
        Assert.Equal(0, real[4], 9);
    }
}
