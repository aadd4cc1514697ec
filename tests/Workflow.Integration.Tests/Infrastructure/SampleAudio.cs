using System.Diagnostics;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>Synthesises the sample interview audio with the project's script (espeak-ng + sox noise floor).</summary>
public static class SampleAudio
{
    public static async Task<string> MakeAsync(string folder, string textFile)
    {
        Directory.CreateDirectory(folder);
        var output = Path.Combine(folder, Path.GetFileNameWithoutExtension(textFile) + ".wav");
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
