using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// Validates and measures uploads with <c>ffprobe</c>. Runs at <c>-v warning</c> rather than
/// <c>-v error</c> because ffprobe reports a truncated file only as a warning and otherwise
/// succeeds with a shorter or guessed duration.
/// </summary>
public sealed class FfmpegAudioProbe(IOptions<FfmpegOptions> options) : IAudioProbe
{
    private static readonly string[] TruncationSigns =
        ["corrupt", "do not match", "truncat", "partial file", "Invalid data", "End of file"];

    private readonly FfmpegOptions _options = options.Value;

    /// <inheritdoc />
    public async Task<AudioInfo> ProbeAsync(string path, CancellationToken cancellationToken)
    {
        var file = new FileInfo(path);
        if (!file.Exists) throw new FileNotFoundException("The file to probe does not exist.", path);
        if (file.Length == 0) throw new InvalidUploadException("The upload is empty (0 bytes).");

        var result = await ProcessRunner.RunAsync(
            _options.FfprobePath,
            ["-v", "warning", "-print_format", "json", "-show_format", "-show_streams", path],
            FfmpegOptions.InstallHint,
            _options.ToolTimeout,
            cancellationToken).ConfigureAwait(false);

        if (result.ExitCode != 0)
        {
            var reason = result.LastErrorLine(_ => true) is { } line ? ToolMessages.Clean(line, path) : $"exit code {result.ExitCode}";
            throw new InvalidUploadException($"The upload is not decodable audio ({reason}).");
        }

        var info = Parse(result.StandardOutput);
        var warning = result.StandardErrorTail.FirstOrDefault(l => TruncationSigns.Any(s => l.Contains(s, StringComparison.OrdinalIgnoreCase)));
        if (warning is not null)
            throw new InvalidUploadException($"The upload appears truncated or corrupt ({ToolMessages.Clean(warning, path)}).");
        if (WavLayout.Read(path) is { IsTruncated: true })
            throw new InvalidUploadException("The upload appears truncated: the WAV header declares more audio than the file holds.");
        if (OggLayout.IsTruncated(path))
            throw new InvalidUploadException("The upload appears truncated: its last Ogg page runs past the end of the file.");
        return info;
    }

    private static AudioInfo Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        JsonElement? audio = null;
        if (root.TryGetProperty("streams", out var streams))
        {
            foreach (var stream in streams.EnumerateArray())
            {
                if (Text(stream, "codec_type") == "audio") { audio = stream; break; }
            }
        }
        if (audio is not { } a) throw new InvalidUploadException("The upload has no audio stream.");

        var duration = Number(a, "duration")
            ?? (root.TryGetProperty("format", out var format) ? Number(format, "duration") : null);
        if (duration is not > 0)
            throw new InvalidUploadException("The upload's audio has zero or unknown duration.");

        return new AudioInfo(
            duration.Value,
            Text(a, "codec_name") ?? "unknown",
            (int)(Number(a, "sample_rate") ?? 0),
            (int)(Number(a, "channels") ?? 0));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    // ffprobe writes most numbers as strings ("16000", "3.12", "N/A") and a few as numbers.
    private static double? Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value)) return null;
        if (value.ValueKind == JsonValueKind.Number) return value.GetDouble();
        return value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            && double.IsFinite(parsed)
                ? parsed
                : null;
    }
}
