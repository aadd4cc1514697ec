using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.CodingEval;
using Workflow.Domain.Coding;
using Workflow.Domain.Ports;
using Workflow.Engines.Local;
using Workflow.Engines.Semantic;

// usage: coding-eval [--engines keywords,semantic,ensemble] [--sets interviews,nhs] [--nhs-limit N]
//                    [--throughput N] [--per-code] [--learning-curve] [--learning-dev] [--features-cache FILE] [--out FILE.md]
// Exit codes: 0 done; 2 usage error or evaluation data missing.
var options = Args.Parse(args);
var eval = EvalFolder.Find();
if (eval is null)
{
    Console.Error.WriteLine("Evaluation data not found: expected ../shared/eval beside the repository or WORKFLOW_EVAL_DIR.");
    return 2;
}

var configuration = new ConfigurationBuilder().AddEnvironmentVariables("WORKFLOW_").Build();
var services = new ServiceCollection().AddLocalEngines(configuration);
CodingEngines.AddOptional(services, configuration);
using var provider = services.BuildServiceProvider();

var sets = new List<CodingSet>();
if (options.Sets.Contains("interviews")) sets.Add(InterviewSet.Load(eval));
if (options.Sets.Contains("nhs")) sets.Add(NhsSet.Load(eval, options.NhsLimit));

var output = new List<string> { $"Coding evaluation ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores)", "" };
var runs = new List<EngineRun>();
foreach (var key in options.Engines)
{
    var engine = provider.GetKeyedService<ICodingEngine>(key) ?? throw new InvalidOperationException($"No coding engine '{key}' is registered.");
    foreach (var set in sets)
    {
        // Warm-up on a few segments: model load and codebook compilation are per process and per version, not per segment.
        await engine.SuggestAsync(set.Segments.Take(4).ToList(), set.Codebook, CancellationToken.None);
        var watch = Stopwatch.StartNew();
        var suggestions = await engine.SuggestAsync(set.Segments, set.Codebook, CancellationToken.None);
        runs.Add(EngineRun.Score(key, set, suggestions, watch.Elapsed.TotalSeconds));
        Console.Error.WriteLine($"{key} on {set.Name}: {watch.Elapsed.TotalSeconds:F1} s");
    }
}

output.Add(Tables.Summary(runs));
if (options.PerCode)
    foreach (var run in runs) output.Add(Tables.PerCode(run));

if (options.LearningCurve)
{
    output.Add("Learning coder (per-code logistic regression on MiniLM embeddings and hashed words, kappa-best threshold out of fold), scored on examples it never saw:");
    output.Add("");
    var curve = new List<EngineRun>();
    foreach (var set in sets)
    {
        var features = FeatureCache.Featurize(set.Segments, options.FeaturesCache is { } cache ? $"{cache}.{set.Name.Split(' ')[0]}" : null);
        if (set.Name.StartsWith("nhs", StringComparison.Ordinal)) curve.AddRange(LearningCurve.Nhs(set, features));
        else curve.Add(LearningCurve.Interviews(set, features));
    }
    output.Add(LearningCurve.Table(curve));
    if (options.PerCode)
        foreach (var run in curve) output.Add(Tables.PerCode(run));
}

if (options.LearningDev)
{
    foreach (var set in sets.Where(s => s.Name.StartsWith("nhs", StringComparison.Ordinal)))
    {
        var features = FeatureCache.Featurize(set.Segments, options.FeaturesCache is { } cache ? $"{cache}.{set.Name.Split(' ')[0]}" : null);
        output.Add(LearningDev.Run(set, features, LearningCandidates.All));
    }
}

if (options.Throughput is { } count)
    output.AddRange(await Throughput.Measure(provider, options.Engines, sets, count));

var text = string.Join(Environment.NewLine, output);
Console.WriteLine(text);
if (options.Out is { } path) File.WriteAllText(path, text);
return 0;

/// <summary>The command line of the evaluation.</summary>
internal sealed record Args(IReadOnlyList<string> Engines, IReadOnlyList<string> Sets, int? NhsLimit, int? Throughput, bool PerCode, bool LearningCurve, string? Out, string? FeaturesCache, bool LearningDev)
{
    public static Args Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        static string[] List(string? v, string fallback) => (v ?? fallback).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new Args(
            List(Value("--engines"), CodingEngines.DefaultKeys),
            List(Value("--sets"), "interviews,nhs"),
            Value("--nhs-limit") is { } limit ? int.Parse(limit, CultureInfo.InvariantCulture) : null,
            Value("--throughput") is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : null,
            args.Contains("--per-code"),
            args.Contains("--learning-curve"),
            Value("--out"),
            Value("--features-cache"),
            args.Contains("--learning-dev"));
    }
}
