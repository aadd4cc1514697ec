using Workflow.Domain.Deidentification;
using Workflow.Storage.Documents;

namespace Workflow.Storage;

/// <summary>Versioned study identifier lists (identifiable account: they are the names themselves).</summary>
public sealed class IdentifierListRepository(VersionedDocuments<StudyIdentifierList> versions)
{
    /// <summary>Stores the identifiers as the study's next version.</summary>
    public Task<StudyIdentifierList> AddVersionAsync(string studyId, IReadOnlyList<StudyIdentifier> identifiers, CancellationToken ct) =>
        versions.AddVersionAsync(studyId, v => new StudyIdentifierList(studyId, v, identifiers), ct);

    /// <summary>The current list, or an empty version-0 list when the lead has entered none.</summary>
    public async Task<StudyIdentifierList> GetCurrentAsync(string studyId, CancellationToken ct) =>
        await versions.GetLatestAsync(studyId, ct) ?? StudyIdentifierList.Empty(studyId);
}
