using Workflow.Domain.Recordings;

namespace Workflow.Api.Uploads;

/// <summary>Which files are accepted as audio, and how to tell audio from transcripts.</summary>
public static class UploadKinds
{
    /// <summary>Audio formats ffmpeg decodes here (see ARCHITECTURE notes).</summary>
    public static readonly string[] AudioExtensions = [".wav", ".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".webm", ".flac", ".wma"];

    public static SourceKind? KindOf(string fileName, IEnumerable<string> transcriptExtensions)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (AudioExtensions.Contains(extension)) return SourceKind.Audio;
        if (transcriptExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase)) return SourceKind.Transcript;
        return null;
    }

    /// <summary>
    /// A declared content type that contradicts the extension (e.g. text/plain for a .wav) is refused;
    /// generic types (application/octet-stream) and missing ones are accepted and the content is probed later.
    /// </summary>
    public static bool ContentTypeFits(SourceKind kind, string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return true;
        var type = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (type is "application/octet-stream" or "binary/octet-stream") return true;
        return kind == SourceKind.Audio
            ? type.StartsWith("audio/") || type is "video/webm" or "video/mp4" or "application/ogg"
            : type.StartsWith("text/") || type is "application/vnd.openxmlformats-officedocument.wordprocessingml.document" or "application/x-praat-textgrid";
    }
}
