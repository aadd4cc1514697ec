using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>One local runner process shared by the tests of a class (each test uses its own study).</summary>
public sealed class RunnerFixture : IAsyncLifetime
{
    public LocalRunnerProcess Runner { get; } = new(new Dictionary<string, string>
    {
        ["Pipeline__MaxUploadBytes"] = "3000000",
    });

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
public sealed class DropZoneRunnerFixture : IAsyncLifetime
{
    public LocalRunnerProcess Runner { get; } = new(new Dictionary<string, string>
    {
        ["Pipeline__MaxUploadBytes"] = "3000000",
        ["LocalDurable__WatchDropZone"] = "true",
        ["LocalDurable__DroppedUploadPollInterval"] = "00:00:01",
    });

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

[CollectionDefinition(Name)]
public sealed class DropZoneCollection : ICollectionFixture<DropZoneRunnerFixture>
{
    public const string Name = "drop zone";
}
