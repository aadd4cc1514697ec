namespace Workflow.Engines.Local.Tests.Transcription;

/// <summary>Synthesises the short sample clip once per test class: espeak-ng and sox are not free on 2 cores.</summary>
public sealed class SampleSpeechFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public string WavPath => _folder.File("sample.wav");

    public string Mp3Path => _folder.File("sample.mp3");

    public async Task InitializeAsync()
    {
        await TestAudio.SynthesizeAsync(TestAudio.ShortText, WavPath);
        await TestAudio.FfmpegAsync("-i", WavPath, "-c:a", "libmp3lame", "-b:a", "64k", Mp3Path);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}
