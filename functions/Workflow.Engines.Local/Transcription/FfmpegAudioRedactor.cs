using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Transcription;

/// <summary>
/// The de-identified copy of a recording, made by ffmpeg: mono speech with each span silenced, a
/// quiet tone that sounds only inside the spans mixed in, encoded as Opus in Ogg (small, and played by
/// every current browser). Frames are cut to 10 ms so a span starts and stops within 10 ms of its time.
/// </summary>
public sealed class FfmpegAudioRedactor(IOptions<FfmpegOptions> options) : IAudioRedactor
{
    private const int SampleRate = 16_000;

    /// <summary>Spans per filter: each is one expression, kept short for ffmpeg's expression parser.</summary>
    private const int SpansPerFilter = 40;

    private readonly FfmpegOptions _options = options.Value;

    public string Extension => ".ogg";

    public string ContentType => "audio/ogg";

    public async Task RenderAsync(string sourcePath, IReadOnlyList<AudioSpan> spans, string outputPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(sourcePath)) throw new FileNotFoundException("The recording to de-identify does not exist.", sourcePath);
        // The graph goes in a file beside the output: a long interview's spans would not fit one argument.
        var graphPath = outputPath + ".filter";
        await File.WriteAllTextAsync(graphPath, FilterGraph(spans), cancellationToken);
        try
        {
            var result = await ProcessRunner.RunAsync(
                _options.FfmpegPath,
                ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", sourcePath,
                 "-filter_complex_script", graphPath, "-map", "[out]",
                 "-c:a", "libopus", "-b:a", "24k", "-ac", "1", "-f", "ogg", outputPath],
                FfmpegOptions.InstallHint,
                _options.ToolTimeout,
                cancellationToken).ConfigureAwait(false);
            if (result.ExitCode != 0)
            {
                var reason = result.LastErrorLine(_ => true) is { } line ? ToolMessages.Clean(line, sourcePath) : $"exit code {result.ExitCode}";
                throw new InvalidUploadException($"The de-identified audio could not be made ({reason}).");
            }
        }
        finally
        {
            File.Delete(graphPath);
        }
    }

    /// <summary>
    /// Speech with a mute over every span, plus a tone muted everywhere else; the two are added, not
    /// averaged, so neither is made quieter.
    /// </summary>
    internal static string FilterGraph(IReadOnlyList<AudioSpan> spans)
    {
        var ordered = spans.OrderBy(s => s.StartSeconds).ToList();
        var frames = $"asetnsamples=n={SampleRate / 100}:p=0";
        var graph = new StringBuilder($"[0:a]aresample={SampleRate},aformat=channel_layouts=mono,{frames}");
        AppendMutes(graph, ordered.Select(s => Between(s.StartSeconds, s.EndSeconds)));
        graph.Append("[speech];");
        graph.Append(CultureInfo.InvariantCulture, $"sine=frequency=880:sample_rate={SampleRate}:samples_per_frame={SampleRate / 100},volume=0.12");
        AppendMutes(graph, Gaps(ordered));
        graph.Append("[tone];[speech][tone]amix=inputs=2:duration=first:normalize=0[out]");
        return graph.ToString();
    }

    /// <summary>Where the tone must be silent: before the first span, between spans, and after the last.</summary>
    private static IEnumerable<string> Gaps(List<AudioSpan> ordered)
    {
        var from = 0d;
        foreach (var span in ordered)
        {
            if (span.StartSeconds > from) yield return Between(from, span.StartSeconds);
            from = Math.Max(from, span.EndSeconds);
        }
        yield return string.Create(CultureInfo.InvariantCulture, $"gte(t,{from:0.###})");
    }

    private static void AppendMutes(StringBuilder graph, IEnumerable<string> conditions)
    {
        foreach (var chunk in conditions.Chunk(SpansPerFilter))
            graph.Append(",volume=0:enable='").AppendJoin('+', chunk).Append('\'');
    }

    private static string Between(double from, double to) =>
        string.Create(CultureInfo.InvariantCulture, $"between(t,{from:0.###},{to:0.###})");
}
