using System.Security.Cryptography;
using System.Text;

namespace Workflow.Domain.Deidentification;

/// <summary>
/// An identifier the study lead enters: a participant, staff or family name, a service, a place.
/// <see cref="Aliases"/> are other ways the same entity is mentioned ("Stuart" for "Stuart Penhale");
/// every alias gets the entity's pseudonym. Identifiable material: stored in the identifiable store only.
/// </summary>
public sealed record StudyIdentifier(string Id, string Text, IdentifierKind Kind, IReadOnlyList<string> Aliases)
{
    /// <summary>The canonical text followed by the aliases.</summary>
    public IEnumerable<string> Surfaces => new[] { Text }.Concat(Aliases);

    /// <summary>
    /// An identifier's id depends only on its kind and canonical text, so re-submitting the list keeps
    /// every entity's pseudonym across list versions.
    /// </summary>
    public static string StableIdFor(IdentifierKind kind, string text)
    {
        var canonical = $"{kind}\n{PseudonymRegistry.Normalize(text)}";
        return "sid-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..16];
    }
}
