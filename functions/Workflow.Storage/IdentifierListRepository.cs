using Workflow.Domain.Deidentification;
using Workflow.Storage.Documents;

namespace Workflow.Storage;

/// <summary>Versioned study identifier lists (identifiable account: they are the names themselves).</summary>
public sealed class IdentifierListRepository(VersionedDocuments<StudyIdentifierList> versions)
{
    /// <summary>
    /// Stores the lead's identifiers as the study's next version. What coders marked as not identifying
    /// carries over: the lead's list replaces the identifiers, not the coders' decisions.
    /// </summary>
    public async Task<StudyIdentifierList> AddVersionAsync(string studyId, IReadOnlyList<StudyIdentifier> identifiers, CancellationToken ct) =>
        (await versions.UpdateLatestAsync(studyId, (current, v) =>
            new StudyIdentifierList(studyId, v, identifiers) { NotIdentifying = current?.NotIdentifying ?? [] }, ct))!;

    /// <summary>Applies a change to the current list as a new version; null from <paramref name="change"/> means no change.</summary>
    public async Task<StudyIdentifierList> UpdateAsync(string studyId, Func<StudyIdentifierList, int, StudyIdentifierList?> change, CancellationToken ct) =>
        await versions.UpdateLatestAsync(studyId, (current, v) => change(current ?? StudyIdentifierList.Empty(studyId), v), ct) ?? StudyIdentifierList.Empty(studyId);

    /// <summary>The current list, or an empty version-0 list when the lead has entered none.</summary>
    public async Task<StudyIdentifierList> GetCurrentAsync(string studyId, CancellationToken ct) =>
        await versions.GetLatestAsync(studyId, ct) ?? StudyIdentifierList.Empty(studyId);
}
