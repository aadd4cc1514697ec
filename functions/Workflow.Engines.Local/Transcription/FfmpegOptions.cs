namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Where to find ffmpeg and ffprobe, and where decoded audio may be written. Decoded audio is as
/// identifiable as the upload, so the temporary folder should be on local, access-controlled disk.
/// </summary>
public sealed class FfmpegOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Engines:Ffmpeg";

    internal const string InstallHint = "install the Debian package 'ffmpeg'";

    /// <summary>The ffmpeg executable: a name looked up on PATH or a full path.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The ffprobe executable: a name looked up on PATH or a full path.</summary>
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>Parent folder for private temporary folders; null means the system temporary folder.</summary>
    public string? TempDirectory { get; set; }

    /// <summary>Upper bound for one probe or decode run.</summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
