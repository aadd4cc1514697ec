using Workflow.Domain.Studies;
using Workflow.Storage;

namespace Workflow.Api.Auth;

/// <summary>Membership from the <c>StudyMembers</c> table; recordings' studies from the recording lookup.</summary>
public sealed class StoredStudyMembershipSource(StudyMembers members, RecordingRepository recordings, StudyRepository studies) : IStudyMembershipSource
{
    public async Task<bool> StudyExistsAsync(string studyId, CancellationToken ct) => await studies.GetAsync(studyId, ct) is not null;

    public Task<StudyMember?> MemberAsync(string studyId, string userId, CancellationToken ct) => members.GetAsync(studyId, userId, ct);

    public Task<string?> StudyOfRecordingAsync(string recordingId, CancellationToken ct) => recordings.StudyOfAsync(recordingId, ct);

    public string? StudyOfQueueItem(string itemId) => VerificationQueue.StudyOfItem(itemId);
}
