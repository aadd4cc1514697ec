using Workflow.Engines.Local.Tests.Transcription;

namespace Workflow.Engines.Local.Tests.Speech;

/// <summary>Four turns by four espeak-ng voices with pauses of 0.8 to 3 s over a noise floor, made once.</summary>
public sealed class PausedSpeechFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _folder = new();

    public static readonly SpokenTurn[] Turns =
    [
        new("we talked about the doctor and the hospital", "en-us", 1.5),
        new("the waiting room was full of people and the children were tired", "en-gb", 0.8),
        new("after lunch we walked to the park near the river", "en-us+f3", 3.0),
        new("then I went to bed early because I had to work the next day", "en-gb-scotland", 1.0),
    ];

    public string WavPath => _folder.File("paused.wav");

    /// <summary>Where each turn's speech really is, in seconds.</summary>
    public IReadOnlyList<(double Start, double End)> Truth { get; private set; } = [];

    public async Task InitializeAsync() => Truth = await SpokenScene.WriteAsync(WavPath, Turns);

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _folder.Dispose();
}
