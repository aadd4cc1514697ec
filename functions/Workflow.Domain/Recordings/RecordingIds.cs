using System.Security.Cryptography;
using System.Text;

namespace Workflow.Domain.Recordings;

/// <summary>
/// Recording ids are derived from the study and the content hash, so uploading the same file to the
/// same study twice yields the same id and the same pipeline instance: it cannot run twice.
/// </summary>
public static class RecordingIds
{
    /// <summary>The id of the recording with content hash <paramref name="contentSha256"/> (hex) in study <paramref name="studyId"/>.</summary>
    public static string For(string studyId, string contentSha256)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{studyId}\n{contentSha256.ToLowerInvariant()}"));
        return "rec-" + Convert.ToHexStringLower(digest)[..20];
    }
}
