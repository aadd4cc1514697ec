using System.Diagnostics;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>Synthesises the sample interview audio with the project's script (espeak-ng + sox noise floor).</summary>
public static class SampleAudio
{
    /// <summary>Writes the speech of <paramref name="textFile"/> into <paramref name="folder"/>; extensions other than .wav are encoded by ffmpeg.</summary>
    public static async Task<string> MakeAsync(string folder, string textFile, string extension = ".wav")
    {
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, Path.GetFileNameWithoutExtension(textFile) + extension);
        var start = new ProcessStartInfo("bash") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(RepositoryPaths.Script("make-sample-audio.sh"));
        start.ArgumentList.Add(textFile);
        start.ArgumentList.Add(output);
        using var process = Process.Start(start)!;
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"make-sample-audio.sh failed ({process.ExitCode}): {stderr}");
        return output;
    }
}
