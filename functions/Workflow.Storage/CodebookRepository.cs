using Workflow.Domain.Coding;
using Workflow.Storage.Documents;

namespace Workflow.Storage;

/// <summary>Versioned codebooks per study (de-identified account). Old versions are kept: suggestions refer to them.</summary>
public sealed class CodebookRepository(VersionedDocuments<Codebook> versions, TimeProvider time)
{
    /// <summary>Stores a validated draft as the study's next version.</summary>
    public Task<Codebook> AddVersionAsync(string studyId, CodebookDraft draft, CancellationToken ct) =>
        versions.AddVersionAsync(studyId, v => CodebookValidator.ToCodebook(draft, studyId, v, time.GetUtcNow()), ct);

    public Task<Codebook?> GetCurrentAsync(string studyId, CancellationToken ct) => versions.GetLatestAsync(studyId, ct);

    public Task<Codebook?> GetAsync(string studyId, int version, CancellationToken ct) => versions.GetAsync(studyId, version, ct);
}
