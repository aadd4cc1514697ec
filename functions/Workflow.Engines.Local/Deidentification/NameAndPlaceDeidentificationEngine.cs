using Microsoft.Extensions.Options;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Offline detection of people, places and organisations the study lead did not list, from first-name,
/// surname, GB place and English word gazetteers (installed by scripts/setup.sh) decided in context.
/// Gazetteers load once per process (at construction, so a missing install fails at start-up with
/// <see cref="EngineUnavailableException"/>, never silently). Uncertain findings carry a low confidence so
/// the pipeline queues them for a coder. Like the rules engine it reports overlaps and never logs.
/// </summary>
public sealed class NameAndPlaceDeidentificationEngine : IDeidentificationEngine
{
    private readonly ITokenRecognizer[] _recognizers;
    private readonly PersonNameRecognizer _people;
    private readonly NamePropagation _propagation;

    public NameAndPlaceDeidentificationEngine(IOptions<NameEngineOptions> options)
        : this(Gazetteers.Shared(options.Value.GazetteerDirectory))
    {
    }

    /// <summary>With the gazetteers in the default folder (gazetteers/ beside the application).</summary>
    public NameAndPlaceDeidentificationEngine() : this(Options.Create(new NameEngineOptions()))
    {
    }

    internal NameAndPlaceDeidentificationEngine(Gazetteers gazetteers)
    {
        _people = new PersonNameRecognizer(gazetteers);
        _propagation = new NamePropagation(gazetteers);
        _recognizers =
        [
            _people,
            new PlaceNameRecognizer(gazetteers),
            new OrganisationNameRecognizer(gazetteers),
            new PlacePatternRecognizer(gazetteers),
            new CapitalisedPhraseRecognizer(gazetteers),
        ];
    }

    public string Name => "names";

    /// <summary>The detectors, for tests and the benchmark's per-detector table.</summary>
    internal IReadOnlyList<IIdentifierRecognizer> Recognizers => _recognizers;

    public Task<IReadOnlyList<IdentifierFinding>> FindAsync(Transcript transcript, StudyIdentifierList identifiers, CancellationToken cancellationToken)
    {
        // First pass: every detector on every utterance (text and speaker label), collecting established names.
        // Only the spans are kept, not the analysed words, so memory stays proportional to the findings.
        var passes = new List<(Utterance Utterance, FindingField Field, string Text, List<(string Recognizer, RecognizedSpan Span)> Spans)>();
        var seeds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var utterance in transcript.Utterances)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = NameText.Analyze(utterance.Text);
            var spans = _recognizers.SelectMany(r => r.Recognize(text).Select(s => (r.Name, s))).ToList();
            _propagation.AddSeeds(seeds, text, spans.Select(s => s.s));
            passes.Add((utterance, FindingField.Text, utterance.Text, spans));
            // Imported transcripts sometimes name speakers ("Darren:"); generic tags are ordinary words.
            if (utterance.Speaker.Length > 0)
            {
                var speaker = NameText.Analyze(utterance.Speaker);
                var labels = _people.Recognize(speaker).Select(s => (_people.Name, s)).ToList();
                _propagation.AddSeeds(seeds, speaker, labels.Select(s => s.s));
                passes.Add((utterance, FindingField.Speaker, utterance.Speaker, labels));
            }
        }
        // Second pass: a name established anywhere in the transcript is found at its other mentions.
        var findings = new List<IdentifierFinding>();
        foreach (var (utterance, field, text, spans) in passes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_propagation.MayMention(text, seeds))
            {
                // Confident findings stand; a low-confidence guess on the same word gives way to the established name.
                var propagated = _propagation.Find(NameText.Analyze(text), seeds, spans.Select(s => s.Span).Where(s => s.Confidence >= 0.7).ToList())
                    .Select(s => ("propagation", s)).ToList();
                spans.RemoveAll(s => s.Span.Kind == IdentifierKind.Person && propagated.Any(p => p.s.Start == s.Span.Start && p.s.End == s.Span.End));
                spans.AddRange(propagated);
            }
            foreach (var (recognizer, span) in spans)
                findings.Add(new IdentifierFinding(utterance.Index, span.Start, span.End, span.Kind, text[span.Start..span.End],
                    span.EntityKey, span.Confidence, span.Detector ?? $"{Name}/{recognizer}", field));
        }
        return Task.FromResult<IReadOnlyList<IdentifierFinding>>(findings);
    }
}
