using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Security.KeyVault.Secrets;
using Workflow.Domain.Ports;

namespace Workflow.Storage.Secrets;

/// <summary>
/// Study secrets in Azure Key Vault (secret <c>study-{studyId}-pseudonym-key</c>), apart from both
/// storage accounts: reading the registry without the vault gives hashes that cannot be reversed.
/// Key Vault cannot create a secret only if it is absent, so two instances may both create one at
/// first use; every reader then takes the <em>oldest</em> version, which all agree on, and later
/// versions are never used. Values are cached per process (a secret never changes).
/// </summary>
public sealed class KeyVaultStudySecrets(SecretClient client) : IStudySecrets
{
    private readonly ConcurrentDictionary<string, byte[]> _cache = new(StringComparer.Ordinal);

    public static string SecretNameOf(string studyId) => $"study-{studyId}-pseudonym-key";

    public async Task<byte[]> GetOrCreateAsync(string studyId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(studyId, out var known)) return known;
        var name = SecretNameOf(studyId);
        var oldest = await OldestVersionAsync(name, cancellationToken);
        if (oldest is null)
        {
            var secret = new KeyVaultSecret(name, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
            secret.Properties.ContentType = "application/octet-stream;base64";
            await client.SetSecretAsync(secret, cancellationToken);
            oldest = await OldestVersionAsync(name, cancellationToken)
                ?? throw new InvalidOperationException($"Key Vault did not keep the secret of study '{studyId}'.");
        }
        var value = (await client.GetSecretAsync(name, oldest, cancellationToken)).Value.Value;
        return _cache.GetOrAdd(studyId, Convert.FromBase64String(value));
    }

    /// <summary>The version created first (ties broken by version id), or null when the secret does not exist.</summary>
    private async Task<string?> OldestVersionAsync(string name, CancellationToken ct)
    {
        (DateTimeOffset At, string Version)? oldest = null;
        try
        {
            await foreach (var version in client.GetPropertiesOfSecretVersionsAsync(name, ct))
            {
                if (version.Enabled == false || version.CreatedOn is not { } at) continue;
                if (oldest is null || at < oldest.Value.At || (at == oldest.Value.At && string.CompareOrdinal(version.Version, oldest.Value.Version) < 0))
                    oldest = (at, version.Version);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        return oldest?.Version;
    }
}
