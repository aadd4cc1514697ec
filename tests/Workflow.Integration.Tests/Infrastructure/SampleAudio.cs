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

    /// <summary>Decodes any audio file to 16 kHz mono 16-bit samples with ffmpeg, as a listener would hear it.</summary>
    public static async Task<short[]> DecodeAsync(string path)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-nostdin", "-hide_banner", "-loglevel", "error", "-i", path, "-ac", "1", "-ar", "16000", "-f", "s16le", "-" }) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        using var pcm = new MemoryStream();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.BaseStream.CopyToAsync(pcm);
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg could not decode {path}: {await stderr}");
        var bytes = pcm.ToArray();
        var samples = new short[bytes.Length / 2];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * 2);
        return samples;
    }
}
