using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Ports;
using Workflow.Storage;
using Workflow.Storage.Configuration;
using Workflow.Storage.Secrets;

namespace Workflow.Integration.Tests.Storage;

/// <summary>The Key Vault study-secret store against Key Vault's REST answers (challenge, 404, versions, 429, 403), through the real SDK client.</summary>
public class KeyVaultStudySecretsTests
{
    private sealed class StaticToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new("fake-token", DateTimeOffset.UtcNow.AddHours(1));
        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
    }

    private static KeyVaultStudySecrets Store(FakeKeyVault vault) => new(new SecretClient(new Uri(FakeKeyVault.VaultUri), new StaticToken(), new SecretClientOptions
    {
        Transport = new HttpClientTransport(new HttpClient(vault)),
        Retry = { Delay = TimeSpan.FromMilliseconds(10), MaxRetries = 3 },
    }));

    private static IStudySecrets Configured(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [WorkflowStorageOptions.IdentifiableConnection] = Infrastructure.Azurite.ConnectionString,
            [WorkflowStorageOptions.DeidentifiedConnection] = Infrastructure.Azurite.ConnectionString,
        }.Concat(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)))).Build();
        return new ServiceCollection().AddWorkflowStorage(configuration).BuildServiceProvider().GetRequiredService<IStudySecrets>();
    }

    [Fact]
    public void ChosenByConfiguration_WithAVaultUrl_AndRefusedWithoutOne()
    {
        Assert.IsType<KeyVaultStudySecrets>(Configured(("Secrets:Store", "keyvault"), ("Secrets:KeyVaultUri", FakeKeyVault.VaultUri), ("Secrets:ClientId", "00000000-0000-0000-0000-000000000002")));
        var missing = Assert.Throws<InvalidOperationException>(() => Configured(("Secrets:Store", "KeyVault")));
        Assert.Contains("Secrets:KeyVaultUri", missing.Message);
        var plainHttp = Assert.Throws<InvalidOperationException>(() => Configured(("Secrets:Store", "keyvault"), ("Secrets:KeyVaultUri", "http://fake-vault.vault.azure.net/")));
        Assert.Contains("https", plainHttp.Message);
    }

    [Fact]
    public async Task FirstUse_CreatesA256BitSecret_ThatEveryOtherInstanceReadsBack()
    {
        var vault = new FakeKeyVault();

        var first = await Store(vault).GetOrCreateAsync("study-a", CancellationToken.None);
        var second = await Store(vault).GetOrCreateAsync("study-a", CancellationToken.None);
        var otherStudy = await Store(vault).GetOrCreateAsync("study-b", CancellationToken.None);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        Assert.NotEqual(first, otherStudy);
        Assert.Single(vault.Secrets[KeyVaultStudySecrets.SecretNameOf("study-a")]);
    }

    [Fact]
    public async Task WhenTwoInstancesRacedToCreateIt_EveryoneTakesTheOldestVersion()
    {
        var vault = new FakeKeyVault();
        var name = KeyVaultStudySecrets.SecretNameOf("study-r");
        var older = new byte[32];
        older[0] = 1;
        var newer = new byte[32];
        newer[0] = 2;
        vault.Seed(name, Convert.ToBase64String(newer), DateTimeOffset.Parse("2026-11-02T10:00:01Z"));
        vault.Seed(name, Convert.ToBase64String(older), DateTimeOffset.Parse("2026-11-02T10:00:00Z"));

        Assert.Equal(older, await Store(vault).GetOrCreateAsync("study-r", CancellationToken.None));
        Assert.Equal(2, vault.Secrets[name].Count); // nothing created: one existed
    }

    [Fact]
    public async Task Throttling_IsRetried_AndTheValueIsCachedPerProcess()
    {
        var vault = new FakeKeyVault { ThrottleNext = 2 };
        var store = Store(vault);

        var secret = await store.GetOrCreateAsync("study-t", CancellationToken.None);
        var requests = vault.Requests;
        Assert.Equal(secret, await store.GetOrCreateAsync("study-t", CancellationToken.None));
        Assert.Equal(requests, vault.Requests);
    }

    [Fact]
    public async Task AnIdentityWithoutARoleOnTheVault_FailsWithKeyVaultsReason_AndCreatesNothing()
    {
        var vault = new FakeKeyVault { Forbid = true };

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => Store(vault).GetOrCreateAsync("study-f", CancellationToken.None));

        Assert.Equal(403, error.Status);
        Assert.Contains("not authorized", error.Message);
        Assert.Empty(vault.Secrets);
    }
}
