using Azure.Storage.Blobs;
using Workflow.Domain.Deidentification;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage.Configuration;
using Workflow.Storage.Documents;

namespace Workflow.Integration.Tests.Storage;

/// <summary>
/// The study's pseudonym key under concurrent de-identification: every writer's labels survive, one
/// entity never gets two labels, and labels do not change once given.
/// </summary>
public class PseudonymRegistryRepositoryTests
{
    [Fact]
    public async Task UpdateAsync_EightWritersAssigningDifferentEntities_LoseNoLabel()
    {
        var pseudonyms = (await Azurite.StoresAsync()).Pseudonyms;
        var study = Azurite.UniqueStudyId("pr-many");

        // 8 writers x 2 updates x 2 entities. Each writer can lose at most 14 races (one per other
        // write), within the repository's 20 attempts, so a failure here is a real lost update.
        var assigned = await Task.WhenAll(Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
        {
            var labels = new Dictionary<string, string>();
            for (var batch = 0; batch < 2; batch++)
            {
                var names = new[] { $"person {writer}-{batch}-a", $"person {writer}-{batch}-b" };
                var given = await pseudonyms.UpdateAsync(study, r => names.Select(n => r.GetOrAssign(IdentifierKind.Person, n)).ToList(), CancellationToken.None);
                for (var i = 0; i < names.Length; i++) labels[names[i]] = given[i];
            }
            return labels;
        })));

        var expected = assigned.SelectMany(d => d).ToDictionary();
        var stored = (await pseudonyms.GetAsync(study, CancellationToken.None)).Entries;
        Assert.Equal(32, stored.Count);
        Assert.Equal(32, stored.Select(e => e.Label).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 32).Select(n => $"[PERSON_{n}]").Order(), stored.Select(e => e.Label).Order());
        // Each writer was told the label that was actually saved for its entity (keys are hashed, so ask the registry).
        var registry = await pseudonyms.GetAsync(study, CancellationToken.None);
        Assert.All(expected, pair => Assert.Equal(pair.Value, registry.GetOrAssign(IdentifierKind.Person, pair.Key)));
        Assert.False(registry.HasChanges);
    }

    [Fact]
    public async Task UpdateAsync_SameEntityFromEightWriters_GetsOneLabel()
    {
        var pseudonyms = (await Azurite.StoresAsync()).Pseudonyms;
        var study = Azurite.UniqueStudyId("pr-same");
        var spellings = new[] { "Stuart Penhale", "stuart penhale", " STUART  Penhale ", "Stuart\tPenhale" };

        var labels = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(() =>
            pseudonyms.UpdateAsync(study, r => r.GetOrAssign(IdentifierKind.Person, spellings[i % spellings.Length]), CancellationToken.None))));

        Assert.All(labels, label => Assert.Equal("[PERSON_1]", label));
        var entry = Assert.Single((await pseudonyms.GetAsync(study, CancellationToken.None)).Entries);
        Assert.Equal((IdentifierKind.Person, "[PERSON_1]"), (entry.Kind, entry.Label));
        Assert.True(EntityKeyProtector.IsProtected(entry.EntityKey));
    }

    [Fact]
    public async Task UpdateAsync_KnownEntitiesAfterReload_KeepTheirLabelsWithoutRewritingTheKey()
    {
        var stores = await Azurite.StoresAsync();
        var study = Azurite.UniqueStudyId("pr-stable");
        var first = await stores.Pseudonyms.UpdateAsync(study, r => new[]
        {
            r.GetOrAssign(IdentifierKind.Person, "Ada"),
            r.GetOrAssign(IdentifierKind.Location, "Leeds"),
            r.GetOrAssign(IdentifierKind.Person, "Bea"),
        }, CancellationToken.None);
        Assert.Equal(["[PERSON_1]", "[LOCATION_1]", "[PERSON_2]"], first);
        var keyBlob = await SingleKeyBlobAsync(study);
        var etagBefore = (await keyBlob.GetPropertiesAsync()).Value.ETag;

        var reloaded = await stores.Pseudonyms.GetAsync(study, CancellationToken.None);
        var again = await stores.Pseudonyms.UpdateAsync(study, r => new[]
        {
            r.GetOrAssign(IdentifierKind.Person, "bea"),
            r.GetOrAssign(IdentifierKind.Location, "LEEDS"),
            r.GetOrAssign(IdentifierKind.Person, "Ada"),
        }, CancellationToken.None);

        Assert.Equal(
            [(IdentifierKind.Person, "[PERSON_1]"), (IdentifierKind.Person, "[PERSON_2]"), (IdentifierKind.Location, "[LOCATION_1]")],
            reloaded.Entries.Select(e => (e.Kind, e.Label)));
        Assert.All(reloaded.Entries, e => Assert.True(EntityKeyProtector.IsProtected(e.EntityKey)));
        Assert.Equal(["[PERSON_2]", "[LOCATION_1]", "[PERSON_1]"], again);
        Assert.Equal(etagBefore, (await keyBlob.GetPropertiesAsync()).Value.ETag);
        // A new entity continues the numbering after a reload instead of reusing a label.
        Assert.Equal("[PERSON_3]", await stores.Pseudonyms.UpdateAsync(study, r => r.GetOrAssign(IdentifierKind.Person, "Cy"), CancellationToken.None));
    }

    [Fact]
    public async Task GetAsync_StudyWithoutKey_ReturnsAnEmptyRegistry()
    {
        var pseudonyms = (await Azurite.StoresAsync()).Pseudonyms;

        var registry = await pseudonyms.GetAsync(Azurite.UniqueStudyId("pr-none"), CancellationToken.None);

        Assert.Empty(registry.Entries);
        Assert.False(registry.HasChanges);
    }

    private static async Task<BlobClient> SingleKeyBlobAsync(string study)
    {
        var container = new BlobContainerClient(Azurite.ConnectionString, StorageNames.PseudonymKeys);
        var names = await new JsonBlobContainer(container).ListNamesAsync(study + "/", CancellationToken.None);
        return container.GetBlobClient(Assert.Single(names));
    }
}
