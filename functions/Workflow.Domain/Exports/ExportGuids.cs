using System.Security.Cryptography;
using System.Text;

namespace Workflow.Domain.Exports;

/// <summary>
/// GUIDs derived from stable ids (SHA-256 of study, kind and id), so exporting the same study twice
/// gives the same project and a code keeps its GUID across exports: analysis tools can merge them.
/// </summary>
public static class ExportGuids
{
    /// <summary>The GUID of <paramref name="id"/> of <paramref name="kind"/> (e.g. "code") in <paramref name="studyId"/>.</summary>
    public static Guid For(string studyId, string kind, string id)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{studyId}\u001f{kind}\u001f{id}"), hash);
        var bytes = hash[..16];
        // RFC 9562 version 8 (custom) and the RFC variant, so the value is a well-formed UUID.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
