using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Browser.Tests;

/// <summary>
/// One local runner process and one headless Debian Chromium for the tests of a class. Chromium is
/// never downloaded (no <c>playwright install</c>): a missing /usr/bin/chromium fails the tests and
/// says how to install it.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public LocalRunnerProcess Runner { get; } = new(new Dictionary<string, string>
    {
        // Room for the direct-upload test's file, just over the page's 32 MB threshold.
        ["Pipeline__MaxUploadBytes"] = "40000000",
        ["Auth__Mode"] = "Development",
        // Browser tests run on their own (one test project at a time), so this runner may take in the drop zone's files.
        ["LocalDurable__WatchDropZone"] = "true",
        ["LocalDurable__DroppedUploadPollInterval"] = "00:00:01",
        // A deleted recording answers 404 after this wait (15 minutes by default); the withdrawal test waits for it.
        ["Pipeline__DeletionSweepDelay"] = "00:00:02",
        // Every word the recogniser is not certain of is doubtful, so the listening test's synthesized
        // interview surely has transcript checks (only that test uploads audio).
        ["Verification__TranscriptCheckBelow"] = "1",
        // One transcript's decisions teach the learning coder (only the learning test's study uses it).
        ["Engines__Learned__MinPositives"] = "2",
        ["Engines__Learned__MinNegatives"] = "2",
    });

    public ApiClient Api { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright? _playwright;

    /// <summary>Where screenshots of each page go (inside the test's output folder).</summary>
    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

    /// <summary>The web app's address on the runner.</summary>
    public string AppUrl(string page) => new Uri(Runner.BaseAddress, "app/" + page).ToString();

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing: the browser tests drive Debian's chromium package. Install it with `apt-get install -y chromium` " +
                "(scripts/setup.sh does, from APT_PACKAGES in scripts/common.sh); never `playwright install`.");
        await Runner.StartAsync();
        Api = new ApiClient(Runner.BaseAddress);
        _playwright = await Playwright.CreateAsync();
        var args = new List<string> { "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run" };
        // Chromium's sandbox cannot start as root (CI containers); elsewhere it stays on.
        if (Environment.UserName == "root") args.Add("--no-sandbox");
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ChromiumPath, Headless = true, Args = args });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        await Runner.DisposeAsync();
    }
}
