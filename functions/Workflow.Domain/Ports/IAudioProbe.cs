namespace Workflow.Domain.Ports;

/// <summary>Checks that an upload is decodable audio and measures it, before any engine runs.</summary>
public interface IAudioProbe
{
    /// <summary>Probes the file; throws <see cref="InvalidUploadException"/> when it is not decodable audio.</summary>
    Task<AudioInfo> ProbeAsync(string path, CancellationToken cancellationToken);
}

/// <summary>What the probe learned about an audio file.</summary>
public sealed record AudioInfo(double DurationSeconds, string Codec, int SampleRate, int Channels);
