using Workflow.Domain.Coding;
using Workflow.Domain.Ports;

namespace Workflow.Storage;

/// <summary>
/// A study's verified coding decisions from storage: for each recording (newest first), the segments
/// whose suggestions are all decided (<see cref="HumanMachineSample"/>, the same sample agreement is
/// measured on), with their text and the turn before from the recording's coding record. Reads the
/// de-identified documents and the queue's decisions; never the originals.
/// </summary>
public sealed class StoredCodingExamples(RecordingRepository recordings, VerificationQueue queue, RecordingDocuments documents) : ICodingExamples
{
    public async Task<IReadOnlyList<CodingExample>> ForStudyAsync(string studyId, int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);
        var examples = new List<CodingExample>();
        foreach (var recording in (await recordings.ListByStudyAsync(studyId, cancellationToken)).OrderByDescending(r => r.CreatedAt))
        {
            var sample = HumanMachineSample.From(await queue.ListAsync(studyId, recording.Id, cancellationToken));
            if (sample.Units.Count == 0) continue;
            var coding = await documents.GetCodingAsync(studyId, recording.Id, cancellationToken);
            if (coding is null) continue;
            var index = coding.Segments.Select((s, i) => (s.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
            foreach (var unit in sample.Units)
            {
                var segmentId = unit.UnitId[(unit.UnitId.IndexOf('/', StringComparison.Ordinal) + 1)..];
                if (!index.TryGetValue(segmentId, out var at)) continue;
                examples.Add(new CodingExample(unit.UnitId, coding.Segments[at], at > 0 ? coding.Segments[at - 1] : null, unit.Reference));
                if (examples.Count >= max) return examples;
            }
        }
        return examples;
    }
}
