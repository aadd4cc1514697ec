namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Where to find ffmpeg and ffprobe. Decoded audio goes to the host's work area (<c>Pipeline:WorkDirectory</c>),
/// which should be on local, access-controlled disk: it is as identifiable as the upload.
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

    /// <summary>Upper bound for one probe or decode run.</summary>
    public TimeSpan ToolTimeout { get; set; } = TimeSpan.FromMinutes(10);
}
