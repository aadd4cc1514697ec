using Microsoft.Extensions.Options;
using Workflow.Engines.Local.Transcription;
using Workflow.Tests.Shared;

namespace Workflow.Engines.Local.Tests.Transcription;

/// <summary>Makes test audio with the repository's synthesis script and the real tools.</summary>
public static class TestAudio
{
    /// <summary>Plain words, three sentences: the clip used by most recognition tests (about 13 s).</summary>
    public const string ShortText =
        "I went to the shop in the morning to buy some bread and milk. The weather was cold and it started to rain. " +
        "My sister called me later that day to talk about the family.";

    /// <summary>About 44 s of speech: long enough to measure the real-time factor and to cut into chunks.</summary>
    public const string LongText = ShortText +
        " We talked about the doctor and the hospital. She told me that the nurse was very kind to her mother." +
        " The waiting room was full of people and the children were tired. After lunch we walked to the park near the river." +
        " The water was high because of the rain. We sat on a bench and watched the birds." +
        " In the evening I cooked dinner and read a book about the history of the city." +
        " Then I went to bed early because I had to work the next day.";

    public static IOptions<FfmpegOptions> Ffmpeg(Action<FfmpegOptions>? configure = null)
    {
        var options = new FfmpegOptions();
        configure?.Invoke(options);
        return Options.Create(options);
    }

    /// <summary>Synthesises <paramref name="text"/> into <paramref name="outPath"/> (wav, mp3, ogg ... by extension).</summary>
    public static async Task SynthesizeAsync(string text, string outPath)
    {
        var textFile = outPath + ".txt";
        await File.WriteAllTextAsync(textFile, text);
        try
        {
            var script = Path.Combine(EvalData.RepositoryRoot, "scripts", "make-sample-audio.sh");
            var result = await ProcessRunner.RunAsync("bash", [script, textFile, outPath], "install bash", TimeSpan.FromMinutes(2), CancellationToken.None);
            Assert.True(result.ExitCode == 0, "make-sample-audio.sh failed: " + string.Join('\n', result.StandardErrorTail));
        }
        finally
        {
            File.Delete(textFile);
        }
    }

    /// <summary>Converts with ffmpeg (e.g. to mp3 or a video-only file).</summary>
    public static async Task FfmpegAsync(params string[] arguments)
    {
        var result = await ProcessRunner.RunAsync("ffmpeg", ["-nostdin", "-hide_banner", "-loglevel", "error", "-y", .. arguments], "ffmpeg", TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.True(result.ExitCode == 0, "ffmpeg failed: " + string.Join('\n', result.StandardErrorTail));
    }

    /// <summary>Copies the first <paramref name="fraction"/> of a file's bytes: an upload cut off mid-transfer.</summary>
    public static void Truncate(string source, string target, double fraction)
    {
        var bytes = File.ReadAllBytes(source);
        File.WriteAllBytes(target, bytes[..(int)(bytes.Length * fraction)]);
    }
}
