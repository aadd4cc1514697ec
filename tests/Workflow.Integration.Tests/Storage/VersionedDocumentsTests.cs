using Azure.Storage.Blobs;
using Workflow.Domain.Deidentification;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage.Configuration;
using Workflow.Storage.Documents;

namespace Workflow.Integration.Tests.Storage;

/// <summary>
/// Numbered, immutable per-study documents, exercised directly and through the study identifier
/// lists (the other versioned document the workflow keeps).
/// </summary>
public class VersionedDocumentsTests
{
    private sealed record Note(string StudyId, int Version, string Text);

    private static async Task<VersionedDocuments<Note>> NotesAsync()
    {
        await Azurite.StoresAsync(); // creates the containers
        return new VersionedDocuments<Note>(new JsonBlobContainer(new BlobContainerClient(Azurite.ConnectionString, StorageNames.StudyIdentifiers)));
    }

    [Fact]
    public async Task AddVersionAsync_TenConcurrentWriters_GetVersionsOneToTenWithoutGapsOrDuplicates()
    {
        var notes = await NotesAsync();
        var study = Azurite.UniqueStudyId("vd-race");

        var saved = await Task.WhenAll(Enumerable.Range(0, 10).Select(writer => Task.Run(() =>
            notes.AddVersionAsync(study, v => new Note(study, v, $"writer {writer}"), CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 10), saved.Select(n => n.Version).Order());
        Assert.Equal(10, saved.Select(n => n.Text).Distinct().Count());
        foreach (var note in saved)
            Assert.Equal(note, await notes.GetAsync(study, note.Version, CancellationToken.None));
        Assert.Equal(10, await notes.LatestVersionAsync(study, CancellationToken.None));
        Assert.Equal(10, (await notes.GetLatestAsync(study, CancellationToken.None))?.Version);
    }

    [Fact]
    public async Task LatestVersionAsync_StudyWhoseIdPrefixesAnother_CountsOnlyItsOwnVersions()
    {
        var notes = await NotesAsync();
        var study = Azurite.UniqueStudyId("vd-pre");
        var longer = study + "-2";
        for (var i = 0; i < 3; i++) await notes.AddVersionAsync(longer, v => new Note(longer, v, "other"), CancellationToken.None);

        Assert.Equal(0, await notes.LatestVersionAsync(study, CancellationToken.None));
        Assert.Null(await notes.GetLatestAsync(study, CancellationToken.None));
        Assert.Equal(1, (await notes.AddVersionAsync(study, v => new Note(study, v, "mine"), CancellationToken.None)).Version);
        Assert.Equal(3, await notes.LatestVersionAsync(longer, CancellationToken.None));
    }

    [Fact]
    public async Task IdentifierListGetCurrentAsync_StudyWithNone_ReturnsAnEmptyVersionZeroList()
    {
        var identifiers = (await Azurite.StoresAsync()).Identifiers;
        var study = Azurite.UniqueStudyId("id-none");

        var list = await identifiers.GetCurrentAsync(study, CancellationToken.None);

        Assert.Equal(study, list.StudyId);
        Assert.Equal(0, list.Version);
        Assert.Empty(list.Identifiers);
    }

    [Fact]
    public async Task IdentifierListAddVersionAsync_NewList_BecomesCurrentAndTheOldOneStaysReadable()
    {
        var stores = await Azurite.StoresAsync();
        var study = Azurite.UniqueStudyId("id-ver");
        var ada = new StudyIdentifier("i1", "Ada Lovelace", IdentifierKind.Person, ["Ada"]);
        var leeds = new StudyIdentifier("i2", "Leeds", IdentifierKind.Location, []);

        var first = await stores.Identifiers.AddVersionAsync(study, [ada], CancellationToken.None);
        var second = await stores.Identifiers.AddVersionAsync(study, [ada, leeds], CancellationToken.None);

        Assert.Equal((1, 2), (first.Version, second.Version));
        var current = await stores.Identifiers.GetCurrentAsync(study, CancellationToken.None);
        Assert.Equal(2, current.Version);
        Assert.Equal(["Ada Lovelace", "Leeds"], current.Identifiers.Select(i => i.Text));
        Assert.Equal(["Ada"], current.Identifiers[0].Aliases);
        var versions = new VersionedDocuments<StudyIdentifierList>(new JsonBlobContainer(new BlobContainerClient(Azurite.ConnectionString, StorageNames.StudyIdentifiers)));
        Assert.Equal(["Ada Lovelace"], (await versions.GetAsync(study, 1, CancellationToken.None))?.Identifiers.Select(i => i.Text));
    }
}
