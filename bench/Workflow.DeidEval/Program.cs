using System.Diagnostics;
using System.Globalization;
using System.Text;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Deidentification;
using Workflow.Engines.Local.Tests.Deidentification;
using Workflow.Tests.Shared;

// scripts/deid-eval.sh: de-identification quality and speed on the development evaluation data.
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (EvalData.Directory is null || !File.Exists(Path.Combine(EvalData.Directory, "pii", "presidio-synth-dev.json")))
{
    Console.Error.WriteLine(EvalData.MissingMessage);
    return 2;
}

IDeidentificationEngine rules = new RuleBasedDeidentificationEngine(Microsoft.Extensions.Options.Options.Create(new DeidentificationOptions { ReferenceYear = 2006 }));
IDeidentificationEngine names;
try
{
    names = new NameAndPlaceDeidentificationEngine();
}
catch (EngineUnavailableException e)
{
    Console.Error.WriteLine(e.Message);
    return 3;
}
// The study list runs beside the detectors in every study, as in the pipeline.
IDeidentificationEngine[] both = [new StudyListDetector(), rules, names];
// --spot FILE...: prints the names engine's findings on plain-text or WebVTT files without labels (precision spot checks).
if (args.Length > 1 && args[0] == "--spot")
{
    foreach (var file in args.Skip(1))
    {
        var lines = File.ReadAllLines(file).Where(l => l.Length > 0 && !l.Contains("-->") && !l.All(char.IsDigit) && l != "WEBVTT")
            .Select(l => System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(l, "<[^>]*>", ""))).ToList();
        var spot = new Transcript("spot", "eval", lines.Select((l, i) => Utterance.Untimed(i, "S", l)).ToList());
        foreach (var f in await names.FindAsync(spot, StudyIdentifierList.Empty("spot"), CancellationToken.None))
            Console.WriteLine($"{Path.GetFileName(file)}\t{f.Kind}\t{f.Confidence:0.00}\t{f.Recognizer}\t{f.Text}");
    }
    return 0;
}
// --details lists missed labels and findings outside any label (synthetic data only; never run it on real transcripts).
var details = args.Contains("--details");
Console.WriteLine("Scored: union of findings of the rules and names engines, resolved to non-overlapping spans (longest");
Console.WriteLine("first, then higher confidence). A label is found when a resolved finding overlaps it by >= 1 character");
Console.WriteLine("(typed recall: of the same kind too); a finding is right when it overlaps a label (typed: of its kind).");
Console.WriteLine("Precision counts every finding, low-confidence ones included. F2 weighs recall four times precision.");

var interviews = DeidScoring.DevInterviews();
var regimes = new (string Name, string[]? Types)[]
{
    ("no list", []),
    ("services and places only (gold ORGANIZATION/LOCATION texts listed)", ["ORGANIZATION", "LOCATION"]),
    ("everything (all gold texts listed)", null),
};
foreach (var (regime, types) in regimes)
{
    var findings = await DeidScoring.FindAsync(interviews, both, types);
    var score = DeidScoring.Evaluate(interviews, findings, confidentAbove: 0.9);
    Report($"Dev interviews D01-D03, list: {regime}", score);
    if (types is { Length: 2 }) Ablation(interviews, findings, score);
    if (details) Details(interviews, findings);
}

var presidio = DeidScoring.Presidio();
var synth = await DeidScoring.FindAsync(presidio, both, []);
var synthScore = DeidScoring.Evaluate(presidio, synth, confidentAbove: 0.9);
Report("Presidio synthetic (754 sentences), no list", synthScore);
Ablation(presidio, synth, synthScore);
if (details) Details(presidio, synth);

Throughput(interviews, rules, names);
return 0;

static void Report(string title, DeidScoring.Score score)
{
    Console.WriteLine();
    Console.WriteLine($"## {title}");
    Console.WriteLine($"{"type",-13}{"labels",7}{"recall",8}{"any-type",9}{"findings",9}{"precision",10}{"any-type",9}{"F2",7}");
    foreach (var (kind, c) in score.ByKind.OrderBy(k => k.Key))
        Console.WriteLine($"{kind,-13}{c.Labels,7}{F(c.RecallTyped),8}{F(c.RecallAny),9}{c.Findings,9}{F(c.Precision),10}{F(c.PrecisionAny),9}{F(c.F2),7}");
    var a = score.All;
    Console.WriteLine($"{"ALL",-13}{a.Labels,7}{F(a.RecallTyped),8}{F(a.RecallAny),9}{a.Findings,9}{F(a.Precision),10}{F(a.PrecisionAny),9}{F(a.F2Any),7}");
    var s = score.Confident;
    Console.WriteLine($"confidence >= 0.9 only (no coder check): recall {F(s.RecallAny)} ({s.FoundAny}/{s.Labels}), precision {F(s.PrecisionAny)} ({s.RightAny}/{s.Findings})");
}

static void Ablation(IReadOnlyList<DeidScoring.Document> documents, List<IReadOnlyList<IdentifierFinding>> findings, DeidScoring.Score full)
{
    Console.WriteLine();
    Console.WriteLine("What each detector adds (scores without that detector's findings; loss = recall lost without it):");
    Console.WriteLine($"{"detector",-20}{"findings",9}{"all recall",11}{"loss",7}{"PERSON rec",11}{"loss",7}{"precision",10}");
    var personFull = full.ByKind.TryGetValue(IdentifierKind.Person, out var p) ? p.RecallTyped : double.NaN;
    Console.WriteLine($"{"(all detectors)",-20}{findings.Sum(f => f.Count),9}{F(full.All.RecallAny),11}{"",7}{F(personFull),11}{"",7}{F(full.All.PrecisionAny),10}");
    foreach (var (detector, count) in DeidScoring.Detectors(findings))
    {
        var without = DeidScoring.Evaluate(documents, findings, exclude: detector);
        var person = without.ByKind.TryGetValue(IdentifierKind.Person, out var q) ? q.RecallTyped : double.NaN;
        Console.WriteLine($"{detector,-20}{count,9}{F(without.All.RecallAny),11}{F(full.All.RecallAny - without.All.RecallAny),7}{F(person),11}{F(personFull - person),7}{F(without.All.PrecisionAny),10}");
    }
}

static void Throughput(IReadOnlyList<DeidScoring.Document> documents, IDeidentificationEngine rules, IDeidentificationEngine names)
{
    // About 4 MB of interview speech: the dev utterances repeated, as one long transcript per repetition.
    var utterances = documents.SelectMany(d => d.Transcript.Utterances).ToList();
    var bytesPerPass = utterances.Sum(u => Encoding.UTF8.GetByteCount(u.Text));
    var passes = Math.Max(1, 4_000_000 / bytesPerPass);
    var transcript = new Transcript("bench", "eval", Enumerable.Range(0, passes).SelectMany(_ => utterances)
        .Select((u, i) => Utterance.Untimed(i, u.Speaker, u.Text)).ToList());
    var megabytes = (double)bytesPerPass * passes / 1_000_000;
    Console.WriteLine();
    Console.WriteLine($"## Throughput, one thread, {megabytes:0.0} MB of interview text, no list (best of 3)");
    foreach (var (label, engines) in new (string, IDeidentificationEngine[])[] { ("rules", [rules]), ("names", [names]), ("rules + names", [rules, names]) })
    {
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            var sw = Stopwatch.StartNew();
            foreach (var engine in engines) engine.FindAsync(transcript, StudyIdentifierList.Empty("bench"), CancellationToken.None).GetAwaiter().GetResult();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"{label,-14}{megabytes / best,8:0.00} MB/s");
    }
    // Per detector, to show where the time goes (each on the same text, one thread).
    var texts = transcript.Utterances.Select(u => u.Text).ToList();
    var detectors = PatternRecognizers.Create(new DeidentificationOptions { ReferenceYear = 2006 })
        .Concat(((NameAndPlaceDeidentificationEngine)names).Recognizers);
    Console.Write("per detector MB/s:");
    foreach (var detector in detectors)
    {
        var sw = Stopwatch.StartNew();
        var count = 0;
        foreach (var text in texts) count += detector.Recognize(text).Count();
        Console.Write($" {detector.Name} {megabytes / sw.Elapsed.TotalSeconds:0.0};");
    }
    Console.WriteLine();
    var load = Stopwatch.StartNew();
    _ = Gazetteers.Load(Gazetteers.DefaultDirectory);
    Console.WriteLine($"gazetteer load (once per process): {load.Elapsed.TotalSeconds:0.00} s");
}

static void Details(IReadOnlyList<DeidScoring.Document> documents, List<IReadOnlyList<IdentifierFinding>> findings)
{
    for (var d = 0; d < documents.Count; d++)
    {
        var resolved = DeidScoring.Resolve(findings[d]);
        foreach (var g in documents[d].Gold.Where(g => g.Kind is not null && !resolved.Any(g.Overlaps)))
            Console.WriteLine($"  MISSED {documents[d].Id} {g.Type} \"{g.Text}\"");
        foreach (var f in resolved.Where(f => !documents[d].Gold.Any(g => g.Overlaps(f))))
        {
            var text = documents[d].Transcript.Utterances[f.UtteranceIndex].Text;
            var context = text[Math.Max(0, f.Start - 30)..Math.Min(text.Length, f.End + 30)].ReplaceLineEndings(" ");
            Console.WriteLine($"  EXTRA  {documents[d].Id} {f.Kind} {f.Confidence:0.00} {f.Recognizer} \"{f.Text}\" in \"{context}\"");
        }
    }
}

static string F(double v) => double.IsNaN(v) ? "n/a" : v.ToString("0.00", CultureInfo.InvariantCulture);
