using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>One local runner process shared by the tests of a class (each test uses its own study).</summary>
public sealed class RunnerFixture : IAsyncLifetime
{
    public LocalRunnerProcess Runner { get; } = new(new Dictionary<string, string>
    {
        ["Pipeline__MaxUploadBytes"] = "3000000",
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
