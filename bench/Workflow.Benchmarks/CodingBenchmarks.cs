using Workflow.Composition;
using BenchmarkDotNet.Attributes;
using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Engines.Local.Coding;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Benchmarks;

/// <summary>
/// The keyword coder (compiled per codebook, stemmed tokens) against a baseline that checks every
/// keyword of every code with a case-insensitive substring search in every segment.
/// </summary>
[MemoryDiagnoser]
public class CodingBenchmarks
{
    private readonly KeywordCodingEngine _engine = new(Microsoft.Extensions.Options.Options.Create(new KeywordCodingOptions()));
    private Codebook _codebook = null!;
    private IReadOnlyList<Segment> _segments = null!;

    [GlobalSetup]
    public async Task SetUp()
    {
        var codes = new List<CodebookEntry> { new("theme", null, 1, "Theme", "A theme.") };
        codes.AddRange(Enumerable.Range(0, 35).Select(i => new CodebookEntry($"c{i}", "theme", 2, $"Code {i}", "A code.",
            Keywords: [$"keyword{i}", "user group", "service", $"panel {i}", "script"])));
        _codebook = new Codebook("bench", 1, "Bench", codes, DateTimeOffset.UnixEpoch);
        var findings = await new CompositeDeidentificationEngine(new StudyListDetector(), [new RuleBasedDeidentificationEngine()]).FindAsync(SyntheticInterview.Transcript, SyntheticInterview.Identifiers, CancellationToken.None);
        var deidentified = Pseudonymizer.Apply(SyntheticInterview.Transcript, "bench", 1, findings, new PseudonymRegistry("bench"), 0.9).Transcript;
        _segments = Segmenter.Split(deidentified, SegmentationOptions.Default);
        await _engine.SuggestAsync(_segments, _codebook, CancellationToken.None); // compile the codebook outside the measurement
    }

    [Benchmark(Baseline = true)]
    public int NaiveSubstringPerKeyword()
    {
        var hits = 0;
        foreach (var segment in _segments.Where(s => s.Codable))
            foreach (var code in _codebook.ApplicableCodes)
                hits += code.Keywords!.Count(k => segment.Text.Contains(k, StringComparison.OrdinalIgnoreCase)) > 0 ? 1 : 0;
        return hits;
    }

    [Benchmark]
    public async Task<int> KeywordEngine() => (await _engine.SuggestAsync(_segments, _codebook, CancellationToken.None)).Count;
}
