using Workflow.Domain.Ports;
using Workflow.Composition;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Engines.Local.Transcription;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Transcription;

public sealed partial class LibriVoxWordErrorRateTests(ITestOutputHelper output) : IDisposable
{
    // Measured on this machine (Debian 12, pocketsphinx 0.8, en-us models): 25 errors in 71 words over the 5 files.
    private const double MeasuredWer = 0.352;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [PocketSphinxTestDataFact]
    public async Task TranscribeAsync_LibriVoxReadSpeech_StaysNearTheMeasuredWordErrorRate()
    {
        var engine = TestEngines.PocketSphinx(new PocketSphinxOptions(), _temp.Path);
        var directory = PocketSphinxTestDataFactAttribute.LibriVoxDirectory;

        var (errors, words) = (0.0, 0);
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(directory, "transcription")))
        {
            var match = ReferenceLine().Match(line);
            if (!match.Success) continue;
            var reference = Recognition.Words(match.Groups["text"].Value);
            var transcript = await engine.TranscribeAsync(new LocalFileAudioSource(match.Groups["id"].Value, Path.Combine(directory, match.Groups["id"].Value + ".wav")), TranscriptionRequest.ForLanguage("en"), CancellationToken.None);
            var wer = Recognition.WordErrorRate(reference, Recognition.Words(transcript));
            output.WriteLine($"{match.Groups["id"].Value}: {reference.Count} words, WER {wer:0.000}");
            errors += wer * reference.Count;
            words += reference.Count;
        }

        var total = errors / words;
        output.WriteLine($"overall WER {total:0.000} over {words} words");
        Assert.True(words > 50, "the reference transcripts were not read");
        Assert.True(total <= MeasuredWer + 0.10, $"WER {total:0.000} is worse than the measured {MeasuredWer} + 0.10");
    }

    // "<s> words </s> (file-id)"
    [GeneratedRegex(@"^<s>\s*(?<text>.*?)\s*</s>\s*\((?<id>[^)]+)\)\s*$")]
    private static partial Regex ReferenceLine();
}
