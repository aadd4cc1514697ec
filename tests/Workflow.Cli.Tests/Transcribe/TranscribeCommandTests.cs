using Workflow.Domain.Serialization;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Import;

namespace Workflow.Cli.Tests.Transcribe;

/// <summary><c>workflow transcribe</c> end to end with the real engines, ffmpeg and PocketSphinx; no server.</summary>
public sealed class TranscribeCommandTests(SpokenClipFixture clip) : IClassFixture<SpokenClipFixture>, IDisposable
{
    private readonly string _out = Directory.CreateTempSubdirectory("cli-transcribe-out-").FullName;

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await CliApp.RunAsync(args, CliContext.Plain(stdout, stderr));
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task PocketSphinx_WritesTheStoredTranscriptAndWebVtt_OwnerOnly_AndPrintsNoText()
    {
        var (code, output, errors) = await RunAsync("transcribe", clip.WavPath, "--engine", "pocketsphinx", "--language", "en-GB", "--speakers", "2", "--out", _out);

        Assert.True(code == 0, errors);
        var jsonPath = Path.Combine(_out, "interview.transcript.json");
        var vttPath = Path.Combine(_out, "interview.vtt");
        var transcript = WorkflowJson.Deserialize<Transcript>(await File.ReadAllTextAsync(jsonPath));
        Assert.Equal(("interview", "pocketsphinx-0.8"), (transcript.RecordingId, transcript.Source));
        Assert.False(string.IsNullOrEmpty(transcript.EngineVersion));
        Assert.NotEmpty(transcript.Utterances);
        var words = transcript.Utterances.SelectMany(u => u.Words).ToList();
        Assert.True(words.Count >= 8, $"only {words.Count} words recognised");
        Assert.All(words, w => Assert.True(w.StartSeconds >= 0 && w.EndSeconds >= w.StartSeconds && w.EndSeconds < 15 && w.Confidence is >= 0 and <= 1));

        // The WebVTT reads back through the project's own importer: same text, speakers and times.
        Transcript imported;
        await using (var vtt = File.OpenRead(vttPath)) imported = new WebVttTranscriptImporter().Import("interview", vtt);
        Assert.Equal(string.Join(' ', transcript.Utterances.Select(u => u.Text)), string.Join(' ', imported.Utterances.Select(u => u.Text)));
        Assert.Equal(["Speaker 1"], imported.Speakers);
        Assert.Equal(transcript.Utterances[0].StartSeconds!.Value, imported.Utterances[0].StartSeconds!.Value, 3);
        Assert.Equal(transcript.Utterances[^1].EndSeconds!.Value, imported.Utterances[^1].EndSeconds!.Value, 3);

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(jsonPath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(vttPath));
        }
        Assert.Contains($"{transcript.Utterances.Count} utterances, {words.Count} timed words", output);
        Assert.Contains("real-time factor", output);
        Assert.Contains($"wrote {jsonPath} (identifiable: owner-only)", output);
        Assert.Contains($"wrote {vttPath} (identifiable: owner-only)", output);
        // Nothing that was said reaches the console.
        foreach (var word in words.Where(w => w.Text.Length > 3))
            Assert.DoesNotContain(word.Text, output + errors, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(Directory.GetFiles(_out, ".*"));
    }

    [Fact]
    public async Task AnEarlierOutputReadableByOthers_IsReplaced_OwnerOnly()
    {
        if (OperatingSystem.IsWindows()) return;
        var vttPath = Path.Combine(_out, "interview.vtt");
        await File.WriteAllTextAsync(vttPath, "old");
        File.SetUnixFileMode(vttPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (code, _, errors) = await RunAsync("transcribe", clip.WavPath, "--out", _out);

        Assert.True(code == 0, errors);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(vttPath));
        Assert.StartsWith("WEBVTT", await File.ReadAllTextAsync(vttPath));
    }

    [Fact]
    public async Task Whisper_WithoutAModel_FailsNamingTheSetting_AndWritesNothing()
    {
        var (code, _, errors) = await RunAsync("transcribe", clip.WavPath, "--engine", "whisper", "--out", _out);

        Assert.NotEqual(0, code);
        Assert.Contains("Engines:Whisper:ModelPath is not set", errors);
        Assert.Contains("ggml-base.en.bin", errors);
        Assert.Contains("Engines__Whisper__ModelPath", errors);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_out));
    }

    [Fact]
    public async Task Whisper_WithAModelFromTheEnvironment_WritesBothFiles()
    {
        // The zero-weight model recognises nothing useful; what is tested is the command's path through
        // the Whisper engine: settings from the environment, the files, the WebVTT reading back.
        var model = Path.Combine(_out, "..", Path.GetFileName(_out) + "-zero-tiny.en.bin");
        Workflow.Engines.Whisper.Tests.ZeroWeightModel.Write(model);
        // Environment variables are process-wide: only tests of this class (which run one at a time) read these.
        Environment.SetEnvironmentVariable("Engines__Whisper__ModelPath", model);
        Environment.SetEnvironmentVariable("Engines__Whisper__Threads", "1");
        try
        {
            var (code, output, errors) = await RunAsync("transcribe", clip.WavPath, "--engine", "whisper", "--out", _out);

            Assert.True(code == 0, errors);
            var transcript = WorkflowJson.Deserialize<Transcript>(await File.ReadAllTextAsync(Path.Combine(_out, "interview.transcript.json")));
            Assert.Equal("whisper", transcript.Source);
            Assert.Contains("model " + Path.GetFileName(model) + " sha256:", transcript.EngineVersion);
            var vtt = await File.ReadAllTextAsync(Path.Combine(_out, "interview.vtt"));
            Assert.StartsWith("WEBVTT\n", vtt);
            if (transcript.Utterances.Count > 0)
            {
                await using var stream = File.OpenRead(Path.Combine(_out, "interview.vtt"));
                Assert.Equal(transcript.Utterances.Select(u => u.Text), new WebVttTranscriptImporter().Import("interview", stream).Utterances.Select(u => u.Text));
            }
            Assert.Contains("with whisper in", output);
        }
        finally
        {
            Environment.SetEnvironmentVariable("Engines__Whisper__ModelPath", null);
            Environment.SetEnvironmentVariable("Engines__Whisper__Threads", null);
            File.Delete(model);
        }
    }

    [Fact]
    public async Task AMissingAudioFile_IsAClearError()
    {
        var missing = Path.Combine(_out, "nope.wav");
        var (code, _, errors) = await RunAsync("transcribe", missing);
        Assert.Equal(2, code);
        Assert.Contains($"no such audio file: {missing}", errors);
    }

    [Fact]
    public async Task AnUnknownEngine_IsAUsageError_NamingTheChoices()
    {
        var (code, _, errors) = await RunAsync("transcribe", clip.WavPath, "--engine", "kaldi");
        Assert.Equal(2, code);
        Assert.Contains("--engine must be one of pocketsphinx, whisper; 'kaldi' is not.", errors);
        Assert.Contains("usage: ", errors);
    }

    [Fact]
    public async Task AMissingVocabularyFile_IsAClearError()
    {
        var (code, _, errors) = await RunAsync("transcribe", clip.WavPath, "--vocabulary", Path.Combine(_out, "terms.txt"));
        Assert.Equal(2, code);
        Assert.Contains("no such vocabulary file", errors);
    }

    [Fact]
    public async Task AFileThatIsNotAudio_FailsWithoutOutput()
    {
        var notes = Path.Combine(_out, "notes.wav");
        await File.WriteAllTextAsync(notes, "not audio at all");
        var (code, _, errors) = await RunAsync("transcribe", notes);
        Assert.Equal(1, code);
        Assert.StartsWith("error: ", errors);
        Assert.Equal([notes], Directory.GetFiles(_out));
    }

    [Theory]
    [InlineData("transcribe")]
    [InlineData("transcribe", "a.wav", "b.wav")]
    [InlineData("transcribe", "a.wav", "--speakers", "0")]
    [InlineData("transcribe", "a.wav", "--model", "x")]
    public async Task WrongUsage_ExitsWith2_AndShowsTheUsage(params string[] args)
    {
        var (code, _, errors) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains("workflow transcribe AUDIO [--engine pocketsphinx|whisper]", errors);
    }
}
