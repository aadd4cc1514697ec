using System.Security.Cryptography;
using System.Text;

namespace Workflow.Domain.Deidentification;

/// <summary>
/// Turns an entity key ("id:sid-…", "dave pickering", "07700900418") into a keyed hash with the
/// study's secret, so the stored pseudonym registry never holds the names it stands for, and nobody
/// without the secret can test a guessed name against it.
/// </summary>
public sealed class EntityKeyProtector
{
    /// <summary>Prefix of protected keys, which also tells them apart from clear keys of older registries.</summary>
    public const string Prefix = "h1:";

    private readonly byte[] _secret;

    public EntityKeyProtector(byte[] secret)
    {
        if (secret.Length < 32) throw new ArgumentException("A study secret has at least 32 bytes.", nameof(secret));
        _secret = secret.ToArray();
    }

    /// <summary>The protected form of <paramref name="normalizedKey"/> for <paramref name="kind"/>; protected keys pass through.</summary>
    public string Protect(IdentifierKind kind, string normalizedKey)
    {
        if (IsProtected(normalizedKey)) return normalizedKey;
        var mac = HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes($"{kind}\n{normalizedKey}"));
        return Prefix + Convert.ToHexStringLower(mac)[..40];
    }

    public static bool IsProtected(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);
}
