using Workflow.Composition;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Workflow.Domain.Deidentification;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Benchmarks;

/// <summary>
/// The rule-based engine (study-list trie plus pattern recognizers) against the obvious baseline:
/// one case-insensitive regex per study identifier surface, run over every turn.
/// </summary>
[MemoryDiagnoser]
public class DeidentificationBenchmarks
{
    // What a study gets by default: its list beside the pattern rules, merged.
    private readonly CompositeDeidentificationEngine _engine = new(new StudyListDetector(), [new RuleBasedDeidentificationEngine()]);
    private readonly Regex[] _naive = SyntheticInterview.Identifiers.Identifiers
        .SelectMany(i => i.Surfaces)
        .Select(s => new Regex($@"\b{Regex.Escape(s)}\b", RegexOptions.IgnoreCase | RegexOptions.Compiled))
        .ToArray();

    [Benchmark(Baseline = true)]
    public int NaiveRegexPerIdentifier()
    {
        var found = 0;
        foreach (var utterance in SyntheticInterview.Transcript.Utterances)
            foreach (var regex in _naive)
                found += regex.Matches(utterance.Text).Count;
        return found;
    }

    [Benchmark]
    public async Task<int> RuleBasedEngine() =>
        (await _engine.FindAsync(SyntheticInterview.Transcript, SyntheticInterview.Identifiers, CancellationToken.None)).Count;

    [Benchmark]
    public async Task<int> RuleBasedEngineAndPseudonymizer()
    {
        var findings = await _engine.FindAsync(SyntheticInterview.Transcript, SyntheticInterview.Identifiers, CancellationToken.None);
        return Pseudonymizer.Apply(SyntheticInterview.Transcript, "bench", 1, findings, new PseudonymRegistry("bench"), 0.9).Key.Count;
    }
}
