namespace Workflow.Storage.Documents;

/// <summary>
/// Immutable numbered versions of a per-study document (<c>{studyId}/v000001.json</c>, ...). A new
/// version is created with if-none-match, so two leads saving at once get consecutive versions
/// instead of overwriting each other.
/// </summary>
public sealed class VersionedDocuments<T>(JsonBlobContainer documents) where T : class
{
    /// <summary>The latest version number, 0 when none exists.</summary>
    public async Task<int> LatestVersionAsync(string studyId, CancellationToken ct)
    {
        var names = await documents.ListNamesAsync(studyId + "/v", ct);
        return names.Select(VersionOf).DefaultIfEmpty(0).Max();
    }

    /// <summary>The document at <paramref name="version"/>, or null.</summary>
    public async Task<T?> GetAsync(string studyId, int version, CancellationToken ct) =>
        (await documents.TryReadAsync<T>(NameOf(studyId, version), ct)).Value;

    /// <summary>The latest document, or null when none exists.</summary>
    public async Task<T?> GetLatestAsync(string studyId, CancellationToken ct)
    {
        var latest = await LatestVersionAsync(studyId, ct);
        return latest == 0 ? null : await GetAsync(studyId, latest, ct);
    }

    /// <summary>Stores the document built for the next free version number and returns it.</summary>
    public async Task<T> AddVersionAsync(string studyId, Func<int, T> build, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var next = await LatestVersionAsync(studyId, ct) + 1;
            var document = build(next);
            if (await documents.TryCreateAsync(NameOf(studyId, next), document, ct)) return document;
        }
        throw new InvalidOperationException($"Could not create a new version for study '{studyId}': too many concurrent writers.");
    }

    /// <summary>
    /// Builds the next version from the latest one (null when there is none yet) and stores it, re-reading
    /// and re-building when another writer added a version meanwhile, so concurrent changes all survive.
    /// <paramref name="change"/> returns null for "nothing to change"; the latest is returned then.
    /// </summary>
    public async Task<T?> UpdateLatestAsync(string studyId, Func<T?, int, T?> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var latest = await LatestVersionAsync(studyId, ct);
            var current = latest == 0 ? null : await GetAsync(studyId, latest, ct);
            var next = change(current, latest + 1);
            if (next is null) return current;
            if (await documents.TryCreateAsync(NameOf(studyId, latest + 1), next, ct)) return next;
        }
        throw new InvalidOperationException($"Could not create a new version for study '{studyId}': too many concurrent writers.");
    }

    private static string NameOf(string studyId, int version) => $"{studyId}/v{version:D6}.json";

    private static int VersionOf(string name)
    {
        var file = name[(name.LastIndexOf('/') + 1)..];
        return file.StartsWith('v') && int.TryParse(file.AsSpan(1, file.Length - ".json".Length - 1), out var v) ? v : 0;
    }
}
