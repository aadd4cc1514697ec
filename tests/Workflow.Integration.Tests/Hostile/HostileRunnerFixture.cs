using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.Hostile;

/// <summary>
/// One runner for the whole hostile corpus, with an upload limit of 64 MB so that a 50 MB text file
/// reaches the importer, and the real audio clips the broken audio is cut from.
/// </summary>
public sealed class HostileRunnerFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 64L * 1024 * 1024;

    public LocalRunnerProcess Runner { get; } = new(new Dictionary<string, string>
    {
        ["Pipeline__MaxUploadBytes"] = MaxUploadBytes.ToString(),
    });

    public ApiClient Api { get; private set; } = null!;

    /// <summary>For raw requests; long enough for a 64 MB upload on a loaded machine.</summary>
    public HttpClient Http { get; private set; } = null!;

    internal HostileCorpus.Clips Clips { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var folder = Runner.WorkDirectory + "-clips";
        Directory.CreateDirectory(folder);
        var script = Path.Combine(folder, "clip.txt");
        await File.WriteAllTextAsync(script, "Hello. This is a short clip for the hostile input corpus. It is cut and broken on purpose.");
        async Task<byte[]> Clip(string extension) => await File.ReadAllBytesAsync(await SampleAudio.MakeAsync(folder, script, extension));
        var startRunner = Runner.StartAsync();
        Clips = new HostileCorpus.Clips(await Clip(".wav"), await Clip(".mp3"), await Clip(".ogg"));
        await startRunner;
        Api = new ApiClient(Runner.BaseAddress);
        Http = new HttpClient { BaseAddress = Runner.BaseAddress, Timeout = TimeSpan.FromMinutes(5) };
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        Api.Dispose();
        await Runner.DisposeAsync();
        try { Directory.Delete(Runner.WorkDirectory + "-clips", true); } catch (IOException) { }
    }
}
