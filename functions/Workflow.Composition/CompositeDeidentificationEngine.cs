using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Composition;

/// <summary>
/// The de-identification a study gets: its identifier list always, the chosen detectors beside it,
/// their findings merged by <see cref="FindingMerger"/> (union for recall, longest span wins,
/// provenance kept), less the words coders marked as not identifying in the study. A detector that fails fails the stage: silently losing one would leak names.
/// </summary>
public sealed class CompositeDeidentificationEngine(IDeidentificationEngine studyList, IReadOnlyList<IDeidentificationEngine> detectors)
    : IDeidentificationEngine
{
    /// <summary>The detectors beside the study list, for provenance and tests.</summary>
    public IReadOnlyList<IDeidentificationEngine> Detectors { get; } = detectors;

    public string Name => string.Join('+', Detectors.Select(d => d.Name).Prepend(studyList.Name));

    /// <summary>Each distinct build among the study list and the detectors (one when they ship together).</summary>
    public string Version => string.Join(", ", Detectors.Prepend(studyList).Select(d => d.Version).Distinct(StringComparer.Ordinal));

    public async Task<IReadOnlyList<IdentifierFinding>> FindAsync(Transcript transcript, StudyIdentifierList identifiers, CancellationToken cancellationToken)
    {
        var all = new List<IdentifierFinding>(await studyList.FindAsync(transcript, identifiers, cancellationToken));
        foreach (var detector in Detectors)
            // What coders marked as not identifying in this study is not redacted again; the list itself always is.
            all.AddRange((await detector.FindAsync(transcript, identifiers, cancellationToken)).Where(f => !identifiers.IsMarkedNotIdentifying(f.Text)));
        return FindingMerger.Merge(all);
    }
}
