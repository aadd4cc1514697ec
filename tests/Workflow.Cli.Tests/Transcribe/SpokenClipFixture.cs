using System.Diagnostics;
using Workflow.Tests.Shared;

namespace Workflow.Cli.Tests.Transcribe;

/// <summary>
/// A short spoken clip made once per test class with the repository's synthesis script (espeak-ng,
/// with a faint sox noise floor: PocketSphinx mis-normalises digital silence).
/// </summary>
public sealed class SpokenClipFixture : IAsyncLifetime, IDisposable
{
    /// <summary>Two sentences in the US voice PocketSphinx's model knows best; distinctive words let tests check nothing is printed.</summary>
    public const string Text = "I went to the shop in the morning to buy some bread and milk. My sister called me later that day.";

    public string Folder { get; } = Directory.CreateTempSubdirectory("cli-transcribe-").FullName;

    public string WavPath => Path.Combine(Folder, "interview.wav");

    public async Task InitializeAsync()
    {
        var textFile = Path.Combine(Folder, "text.txt");
        await File.WriteAllTextAsync(textFile, Text);
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(EvalData.RepositoryRoot, "scripts", "make-sample-audio.sh"));
        start.ArgumentList.Add(textFile);
        start.ArgumentList.Add(WavPath);
        start.Environment["VOICE"] = "en-us";
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, "make-sample-audio.sh failed (needs espeak-ng and sox): " + await errors);
        File.Delete(textFile);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
