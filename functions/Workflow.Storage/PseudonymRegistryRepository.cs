using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Storage.Documents;

namespace Workflow.Storage;

/// <summary>
/// The study's pseudonym key (identifiable account). Transcripts of one study may be de-identified
/// concurrently, so changes are applied with optimistic concurrency and retried on conflict. Entity
/// keys are stored as keyed hashes with the study's secret (<see cref="IStudySecrets"/>).
/// </summary>
public sealed class PseudonymRegistryRepository(JsonBlobContainer keys, IStudySecrets secrets)
{
    private static string NameOf(string studyId) => $"{studyId}/registry.json";

    /// <summary>
    /// Runs <paramref name="work"/> against the current registry and saves any new labels. If another
    /// writer saved first, the work is re-run on the fresh registry, so labels stay unique and stable.
    /// </summary>
    public async Task<T> UpdateAsync<T>(string studyId, Func<PseudonymRegistry, T> work, CancellationToken ct)
    {
        var protector = await ProtectorAsync(studyId, ct);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (entries, etag) = await keys.TryReadAsync<List<PseudonymEntry>>(NameOf(studyId), ct);
            var registry = new PseudonymRegistry(studyId, entries, protector);
            var result = work(registry);
            if (!registry.HasChanges) return result;
            var saved = etag is { } current
                ? await keys.TryReplaceAsync(NameOf(studyId), registry.Entries, current, ct)
                : await keys.TryCreateAsync(NameOf(studyId), registry.Entries, ct);
            if (saved) return result;
        }
        throw new InvalidOperationException($"The pseudonym key of study '{studyId}' is under heavy concurrent change; retry later.");
    }

    /// <summary>
    /// Retires the entries of <paramref name="entities"/> (kind and entity key as findings give them):
    /// their labels stay reserved, whom they stood for is forgotten. Returns how many were retired.
    /// </summary>
    public Task<int> RetireAsync(string studyId, IReadOnlyCollection<(IdentifierKind Kind, string EntityKey)> entities, CancellationToken ct) =>
        entities.Count == 0 ? Task.FromResult(0) : UpdateAsync(studyId, registry => entities.Count(e => registry.Retire(e.Kind, e.EntityKey)), ct);

    /// <summary>The registry as stored (read-only use).</summary>
    public async Task<PseudonymRegistry> GetAsync(string studyId, CancellationToken ct) =>
        new(studyId, (await keys.TryReadAsync<List<PseudonymEntry>>(NameOf(studyId), ct)).Value, await ProtectorAsync(studyId, ct));

    private async Task<EntityKeyProtector> ProtectorAsync(string studyId, CancellationToken ct) =>
        new(await secrets.GetOrCreateAsync(studyId, ct));
}
