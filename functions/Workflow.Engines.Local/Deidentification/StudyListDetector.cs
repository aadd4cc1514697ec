using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// The study lead's identifier list, matched in utterance texts and in speaker labels (imported
/// transcripts sometimes name speakers: "Darren:"). It runs for every study beside whichever detectors
/// are configured, so swapping engines can never bypass the list. It never logs: findings are identifiable.
/// </summary>
public sealed class StudyListDetector : IDeidentificationEngine
{
    public string Name => FindingMerger.StudyListRecognizer;

    public Task<IReadOnlyList<IdentifierFinding>> FindAsync(Transcript transcript, StudyIdentifierList identifiers, CancellationToken cancellationToken)
    {
        var findings = new List<IdentifierFinding>();
        if (identifiers.Identifiers.Count == 0) return Task.FromResult<IReadOnlyList<IdentifierFinding>>(findings);
        var recognizer = new StudyListRecognizer(identifiers);
        foreach (var utterance in transcript.Utterances)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (var field in (ReadOnlySpan<FindingField>)[FindingField.Text, FindingField.Speaker])
            {
                var text = field == FindingField.Speaker ? utterance.Speaker : utterance.Text;
                foreach (var span in recognizer.Recognize(text))
                    findings.Add(new IdentifierFinding(utterance.Index, span.Start, span.End, span.Kind, text[span.Start..span.End],
                        span.EntityKey, span.Confidence, Name, field));
            }
        }
        return Task.FromResult<IReadOnlyList<IdentifierFinding>>(findings);
    }
}
