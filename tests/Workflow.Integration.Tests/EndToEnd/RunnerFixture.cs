using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>One local runner process shared by the tests of a class (each test uses its own study).</summary>
public class RunnerFixture : IAsyncLifetime
{
    public RunnerFixture() : this([]) { }

    protected RunnerFixture(Dictionary<string, string> extraSettings)
    {
        var settings = new Dictionary<string, string> { ["Pipeline__MaxUploadBytes"] = "3000000" };
        foreach (var (key, value) in extraSettings) settings[key] = value;
        Runner = new LocalRunnerProcess(settings);
    }

    public LocalRunnerProcess Runner { get; }

    public ApiClient Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Runner.StartAsync();
        Api = new ApiClient(Runner.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        Api.Dispose();
        await Runner.DisposeAsync();
    }
}

/// <summary>
/// The one runner that watches the shared drop zone, for the classes of the "drop zone" collection
/// (they run one after another, so no other runner takes their files in).
/// </summary>
public sealed class DropZoneRunnerFixture() : RunnerFixture(new()
{
    ["LocalDurable__WatchDropZone"] = "true",
    ["LocalDurable__DroppedUploadPollInterval"] = "00:00:01",
});

[CollectionDefinition(Name)]
public sealed class DropZoneCollection : ICollectionFixture<DropZoneRunnerFixture>
{
    public const string Name = "drop zone";
}
