using Microsoft.Extensions.Options;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Offline detector of deterministic patterns (contact details, NHS numbers, dates, ages, addresses,
/// reference numbers, titled names). It needs nothing from the study list, which runs beside it
/// (<see cref="StudyListDetector"/>); overlaps are resolved when findings are merged. It never logs:
/// findings carry identifiable text.
/// </summary>
public sealed class RuleBasedDeidentificationEngine : IDeidentificationEngine
{
    private readonly IReadOnlyList<IIdentifierRecognizer> _patterns;

    public RuleBasedDeidentificationEngine(IOptions<DeidentificationOptions> options) =>
        _patterns = PatternRecognizers.Create(options.Value);

    public RuleBasedDeidentificationEngine() : this(Options.Create(new DeidentificationOptions()))
    {
    }

    public string Name => "rules";

    public Task<IReadOnlyList<IdentifierFinding>> FindAsync(Transcript transcript, StudyIdentifierList identifiers, CancellationToken cancellationToken)
    {
        var findings = new List<IdentifierFinding>();
        foreach (var utterance in transcript.Utterances)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var inText = new List<IdentifierFinding>();
            foreach (var recognizer in _patterns)
                Add(inText, utterance, FindingField.Text, recognizer);
            findings.AddRange(Distinct(GiveNhsNumbersPrecedence(inText)));
        }
        return Task.FromResult<IReadOnlyList<IdentifierFinding>>(findings);
    }

    private void Add(List<IdentifierFinding> findings, Utterance utterance, FindingField field, IIdentifierRecognizer recognizer)
    {
        var text = field == FindingField.Speaker ? utterance.Speaker : utterance.Text;
        foreach (var span in recognizer.Recognize(text))
            findings.Add(new IdentifierFinding(utterance.Index, span.Start, span.End, span.Kind, text[span.Start..span.End],
                span.EntityKey, span.Confidence, span.Detector ?? $"{Name}/{recognizer.Name}", field));
    }

    /// <summary>Two recognizers may report the same span as the same kind; one finding is enough.</summary>
    private static IEnumerable<IdentifierFinding> Distinct(IEnumerable<IdentifierFinding> findings) =>
        findings.GroupBy(f => (f.Start, f.End, f.Kind)).Select(g => g.MaxBy(f => f.Confidence)!);

    /// <summary>A valid NHS number may also read as a phone number or a reference; it is the NHS number.</summary>
    private static IEnumerable<IdentifierFinding> GiveNhsNumbersPrecedence(List<IdentifierFinding> findings)
    {
        var nhs = findings.Where(f => f.Kind == IdentifierKind.NhsNumber).ToList();
        if (nhs.Count == 0) return findings;
        return findings.Where(f => f.Kind is not (IdentifierKind.Phone or IdentifierKind.OtherId)
            || !nhs.Any(n => n.Start <= f.Start && f.End <= n.End));
    }
}
