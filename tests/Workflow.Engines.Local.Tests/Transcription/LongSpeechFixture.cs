namespace Workflow.Engines.Local.Tests.Transcription;

/// <summary>About 44 s of synthesized speech, made once for the long-recording tests.</summary>
public sealed class LongSpeechFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public string WavPath => _folder.File("long.wav");

    public Task InitializeAsync() => TestAudio.SynthesizeAsync(TestAudio.LongText, WavPath);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}
