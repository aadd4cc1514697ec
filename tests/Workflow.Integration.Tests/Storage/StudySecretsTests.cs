using Workflow.Domain.Deidentification;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage.Configuration;
using Workflow.Storage.Secrets;

namespace Workflow.Integration.Tests.Storage;

public sealed class StudySecretsTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "secrets-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task FileSecrets_AreCreatedOnce_OwnerOnly_AndSurviveANewInstance()
    {
        var first = await new FileStudySecrets(_folder).GetOrCreateAsync("study-a", CancellationToken.None);
        var again = await new FileStudySecrets(_folder).GetOrCreateAsync("study-a", CancellationToken.None);
        var other = await new FileStudySecrets(_folder).GetOrCreateAsync("study-b", CancellationToken.None);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_folder, "study-a.key")));
        await Assert.ThrowsAsync<ArgumentException>(() => new FileStudySecrets(_folder).GetOrCreateAsync("../escape", CancellationToken.None));
    }

    [Fact]
    public async Task ConcurrentFirstUses_AgreeOnOneSecret()
    {
        var secrets = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => new FileStudySecrets(_folder).GetOrCreateAsync("study-c", CancellationToken.None))));
        Assert.All(secrets, s => Assert.Equal(secrets[0], s));
    }

    [Fact]
    public async Task TheStoredRegistry_HoldsNoClearEntityKey()
    {
        var stores = await Azurite.StoresAsync();
        var study = Azurite.UniqueStudyId("hmac");
        await stores.Pseudonyms.UpdateAsync(study, r => r.GetOrAssign(IdentifierKind.Person, "Dave Pickering"), CancellationToken.None);

        var blob = stores.Accounts.Identifiable.Blobs.GetBlobContainerClient(StorageNames.PseudonymKeys).GetBlobClient($"{study}/registry.json");
        var stored = (await blob.DownloadContentAsync()).Value.Content.ToString();
        Assert.DoesNotContain("dave", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(EntityKeyProtector.Prefix, stored);
        Assert.Equal("[PERSON_1]", (await stores.Pseudonyms.GetAsync(study, CancellationToken.None)).GetOrAssign(IdentifierKind.Person, "dave pickering"));
    }
}
