using System.Collections.Concurrent;
using Workflow.Domain.Coding;
using Workflow.Storage.Documents;

namespace Workflow.Storage;

/// <summary>Versioned codebooks per study (de-identified account). Old versions are kept: suggestions refer to them.</summary>
public sealed class CodebookRepository(VersionedDocuments<Codebook> versions, TimeProvider time)
{
    private const int CacheCapacity = 256;
    private readonly ConcurrentDictionary<(string StudyId, int Version), Task<Codebook?>> _versions = new();

    /// <summary>Stores a validated draft as the study's next version.</summary>
    public Task<Codebook> AddVersionAsync(string studyId, CodebookDraft draft, CancellationToken ct) =>
        versions.AddVersionAsync(studyId, v => CodebookValidator.ToCodebook(draft, studyId, v, time.GetUtcNow()), ct);

    public Task<Codebook?> GetCurrentAsync(string studyId, CancellationToken ct) => versions.GetLatestAsync(studyId, ct);

    /// <summary>
    /// A version of the study's codebook. Versions never change, so each is read once and kept (bounded);
    /// coders deciding at once share one read.
    /// </summary>
    public async Task<Codebook?> GetAsync(string studyId, int version, CancellationToken ct)
    {
        if (_versions.Count >= CacheCapacity) _versions.Clear();
        var key = (studyId, version);
        var read = _versions.GetOrAdd(key, k => versions.GetAsync(k.StudyId, k.Version, CancellationToken.None));
        try
        {
            var codebook = await read.WaitAsync(ct);
            if (codebook is null) _versions.TryRemove(new KeyValuePair<(string, int), Task<Codebook?>>(key, read));
            return codebook;
        }
        catch (Exception) when (read.IsFaulted)
        {
            _versions.TryRemove(new KeyValuePair<(string, int), Task<Codebook?>>(key, read));
            throw;
        }
    }
}
