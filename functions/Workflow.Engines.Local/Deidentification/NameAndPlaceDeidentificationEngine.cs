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
        var findings = new List<IdentifierFinding>();
        foreach (var utterance in transcript.Utterances)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var text = NameText.Analyze(utterance.Text);
            foreach (var recognizer in _recognizers)
                Add(findings, utterance, FindingField.Text, recognizer.Name, recognizer.Recognize(text), utterance.Text);
            // Imported transcripts sometimes name speakers ("Darren:"); generic tags are ordinary words.
            if (utterance.Speaker.Length > 0)
                Add(findings, utterance, FindingField.Speaker, _people.Name, _people.Recognize(NameText.Analyze(utterance.Speaker)), utterance.Speaker);
        }
        return Task.FromResult<IReadOnlyList<IdentifierFinding>>(findings);
    }

    private void Add(List<IdentifierFinding> findings, Utterance utterance, FindingField field, string recognizer, IEnumerable<RecognizedSpan> spans, string text)
    {
        foreach (var span in spans)
            findings.Add(new IdentifierFinding(utterance.Index, span.Start, span.End, span.Kind, text[span.Start..span.End],
                span.EntityKey, span.Confidence, span.Detector ?? $"{Name}/{recognizer}", field));
    }
}
