using Microsoft.Extensions.Options;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Transcription;

/// <summary>Decodes anything ffmpeg reads to the 16 kHz mono 16-bit PCM WAV that PocketSphinx expects.</summary>
public sealed class FfmpegAudioDecoder(IOptions<FfmpegOptions> options, IWorkArea workArea)
{
    private readonly FfmpegOptions _options = options.Value;

    /// <summary>
    /// Decodes <paramref name="inputPath"/> into a private folder of the host's work area. Throws
    /// <see cref="InvalidUploadException"/> when ffmpeg cannot decode it or it holds no audio.
    /// </summary>
    public async Task<DecodedAudio> DecodeAsync(string inputPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(inputPath)) throw new FileNotFoundException("The recording to decode does not exist.", inputPath);

        var folder = workArea.CreateFolder("asr");
        try
        {
            var output = System.IO.Path.Combine(folder.Path, "audio.wav");
            var result = await ProcessRunner.RunAsync(
                _options.FfmpegPath,
                ["-nostdin", "-hide_banner", "-loglevel", "error", "-i", inputPath,
                 "-vn", "-ac", "1", "-ar", DecodedAudio.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                 "-c:a", "pcm_s16le", output],
                FfmpegOptions.InstallHint,
                _options.ToolTimeout,
                cancellationToken).ConfigureAwait(false);

            if (result.ExitCode != 0)
            {
                var reason = result.LastErrorLine(_ => true) is { } line ? ToolMessages.Clean(line, inputPath) : $"exit code {result.ExitCode}";
                throw new InvalidUploadException($"The recording could not be decoded as audio ({reason}).");
            }
            if (!File.Exists(output) || WavLayout.Read(output) is not { AvailableDataSize: > 0 } layout)
                throw new InvalidUploadException("The recording decoded to no audio samples.");
            return new DecodedAudio(folder, output, layout);
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }
}
