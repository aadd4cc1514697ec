using Workflow.Domain.Coding;
using Workflow.Domain.Verification;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Reads a study's verification queue into the coders-against-engine sample that the agreement route
/// and the code report both measure, so the two can never disagree about what they count.
/// </summary>
public sealed class HumanMachineSampleReader(RecordingRepository recordings, VerificationQueue queue)
{
    public async Task<HumanMachineSample> ReadAsync(string studyId, CancellationToken ct) =>
        HumanMachineSample.From(await ReadItemsAsync(studyId, ct));

    /// <summary>Every item of the study's recordings, in any status, for callers that measure more than one thing.</summary>
    public async Task<IReadOnlyList<VerificationItem>> ReadItemsAsync(string studyId, CancellationToken ct)
    {
        var items = new List<VerificationItem>();
        foreach (var recording in await recordings.ListByStudyAsync(studyId, ct))
            items.AddRange(await queue.ListAsync(studyId, recording.Id, ct));
        return items;
    }
}
