using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Workflow.Domain.Uploads;

/// <summary>
/// Granted uploads are written to <c>{studyId}/sas-{grantId}{extension}</c> in the drop zone: a name
/// that says nothing about the participant (unlike many original file names) and that the intake
/// recognises, so such a blob is taken in with its grant's metadata and never with metadata the
/// uploader attached to the blob.
/// </summary>
public static partial class UploadGrantNames
{
    private const string Prefix = "sas-";

    /// <summary>A new grant id: 128 random bits, so grants cannot be guessed from one another.</summary>
    public static string NewGrantId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static bool IsGrantId(string value) => GrantId().IsMatch(value);

    public static string BlobNameOf(string studyId, string grantId, string fileName) =>
        $"{studyId}/{Prefix}{grantId}{ExtensionOf(fileName)}";

    /// <summary>The lower-case extension of a file name ("" when it has none or an odd one).</summary>
    public static string ExtensionOf(string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        return Extension().IsMatch(extension) ? extension : "";
    }

    /// <summary>
    /// Whether a drop-zone file name (the part after the study) is in the granted uploads' form:
    /// such a file is taken in only through its grant, never as a plain dropped file.
    /// </summary>
    public static bool HasGrantPrefix(string fileName) => fileName.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The grant id in a granted upload's file name, or null when the name is not exactly one.</summary>
    public static string? GrantIdOf(string fileName) =>
        GrantedFileName().Match(fileName) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex GrantId();

    [GeneratedRegex(@"^\.[a-z0-9]{1,10}$")]
    private static partial Regex Extension();

    [GeneratedRegex(@"^sas-([0-9a-f]{32})(\.[a-z0-9]{1,10})?$")]
    private static partial Regex GrantedFileName();
}
