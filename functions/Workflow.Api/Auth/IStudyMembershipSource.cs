using Workflow.Domain.Studies;

namespace Workflow.Api.Auth;

/// <summary>What the dispatcher needs to know to check membership before a handler runs.</summary>
public interface IStudyMembershipSource
{
    /// <summary>The caller's membership of the study, or null.</summary>
    Task<StudyMember?> MemberAsync(string studyId, string userId, CancellationToken ct);

    /// <summary>Whether the study exists (asked only for an administrator outside it, who may know of every study).</summary>
    Task<bool> StudyExistsAsync(string studyId, CancellationToken ct);

    /// <summary>The study a recording belongs to, or null for an unknown recording.</summary>
    Task<string?> StudyOfRecordingAsync(string recordingId, CancellationToken ct);

    /// <summary>The study a queue item id names, or null for a malformed id.</summary>
    string? StudyOfQueueItem(string itemId);
}
