using System.Diagnostics;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Import.Fuzzing;

/// <summary>
/// Runs one importer over a fixed number of mutated inputs. Allowed outcomes are a transcript that
/// keeps <see cref="TranscriptInvariants"/> or a <see cref="TranscriptFormatException"/> (the message
/// users see); anything else, or one input taking absurdly long, fails the test with the seed and the
/// input in hex. <c>FUZZ_SEED</c> and <c>FUZZ_ITERATIONS</c> replay a case or run longer locally.
/// </summary>
internal sealed class ParserFuzzer(ITranscriptImporter importer, SeededMutator mutator, Func<byte[], Stream> open, ITestOutputHelper output)
{
    // Generous because CI machines are loaded; a regex that backtracks catastrophically takes far longer.
    private static readonly TimeSpan SlowInput = TimeSpan.FromSeconds(5);

    public void Run(int iterations, TimeSpan budget)
    {
        var baseSeed = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_SEED"), out var s) ? s : 20261202;
        if (int.TryParse(Environment.GetEnvironmentVariable("FUZZ_ITERATIONS"), out var n)) iterations = n;
        var (parsed, refused, ran) = (0, 0, 0);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < iterations && clock.Elapsed < budget; i++, ran++)
        {
            var seed = unchecked(baseSeed + i);
            var fuzz = mutator.Make(seed);
            var one = Stopwatch.StartNew();
            string? problem = null;
            try
            {
                problem = TranscriptInvariants.Violation(importer.Import("rec-fuzz", open(fuzz.Bytes)));
                parsed++;
            }
            catch (TranscriptFormatException)
            {
                refused++;
            }
            catch (Exception e)
            {
                problem = $"{e.GetType().FullName}: {e.Message}\n{e.StackTrace}";
            }
            if (problem is not null) Fail(seed, fuzz, problem);
            if (one.Elapsed > SlowInput) Fail(seed, fuzz, $"took {one.Elapsed.TotalSeconds:0.0} s");
        }
        output.WriteLine($"{importer.Format}: {ran} inputs in {clock.Elapsed.TotalSeconds:0.0} s (seeds {baseSeed}..{baseSeed + ran - 1}): {parsed} parsed, {refused} refused with a reason");
        Assert.True(ran > 0);
    }

    private void Fail(int seed, SeededMutator.Case fuzz, string what)
    {
        var hex = Convert.ToHexString(fuzz.Bytes.AsSpan(0, Math.Min(fuzz.Bytes.Length, 2048)));
        Assert.Fail($"{importer.Format} importer, seed {seed} ({fuzz.Mutations}; replay with FUZZ_SEED={seed} FUZZ_ITERATIONS=1): {what}\n" +
                    $"input ({fuzz.Bytes.Length} bytes{(fuzz.Bytes.Length > 2048 ? ", first 2048 shown" : "")}): {hex}");
    }
}
