using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>
/// The local runner as a real child process (real Kestrel, real sidecar, Azurite), with its own task
/// hub so tests never see other runs' orchestrations. <see cref="Kill"/> is a SIGKILL: no graceful
/// shutdown, which is what the durability tests need.
/// </summary>
public sealed class LocalRunnerProcess : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private Process? _process;
    private readonly List<string> _log = [];

    public LocalRunnerProcess(Dictionary<string, string>? settings = null)
    {
        Port = FreePort();
        TaskHub = "t" + Guid.NewGuid().ToString("N")[..12];
        WorkDirectory = Path.Combine(Path.GetTempPath(), "workflow-it-" + TaskHub);
        _settings = new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{Port}",
            ["LocalDurable__TaskHubName"] = TaskHub,
            ["LocalDurable__WorkItemVisibility"] = "00:00:10",
            ["LocalDurable__MaxConcurrentActivities"] = "2",
            ["Pipeline__WorkDirectory"] = WorkDirectory,
            ["Pipeline__VerificationRecheck"] = "00:00:20",
            ["Logging__LogLevel__Default"] = "Warning",
            // Every runner sweeps every study of the shared Azurite: keep test runners off other tests' audio.
            ["Retention__RawAudioDaysAfterVerification"] = "36500",
            // Every runner would take in every file dropped for any test, each in its own task hub:
            // only the drop-zone tests' runner (DropZoneRunnerFixture) watches it.
            ["LocalDurable__WatchDropZone"] = "false",
            // Every runner would retrain every study of the shared Azurite that codes with "learned":
            // only the tests of background retraining turn it on.
            ["Engines__Learned__BackgroundInterval"] = "00:00:00",
        };
        foreach (var (k, v) in settings ?? []) _settings[k] = v;
    }

    public int Port { get; }
    public string TaskHub { get; }
    public string WorkDirectory { get; }
    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/api/");

    /// <summary>The runner's process id while it runs (for reading its memory from /proc).</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>What the runner printed (for failure messages).</summary>
    public string Log { get { lock (_log) return string.Join('\n', _log.TakeLast(60)); } }

    /// <summary>Every line the runner printed on stdout and stderr, over all its starts (for scanning logs).</summary>
    public IReadOnlyList<string> LogLines { get { lock (_log) return _log.ToList(); } }

    /// <summary>How long the last <see cref="StartAsync"/> took until the runner answered health checks.</summary>
    public TimeSpan LastStartTime { get; private set; }

    public async Task StartAsync()
    {
        Azurite.EnsureRunning();
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(RepositoryPaths.LocalHostDll);
        start.WorkingDirectory = Path.GetDirectoryName(RepositoryPaths.LocalHostDll)!;
        foreach (var (k, v) in _settings) start.Environment[k] = v;
        start.Environment.Remove("DOTNET_PROCESSOR_COUNT"); // the runner sizes itself from the real machine
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_log) _log.Add(e.Data); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient();
        // Health answers 503 while a storage probe takes longer than its 3 s budget, which happens while
        // the whole suite starts several runners on one shared Azurite on 2 cores: allow for that.
        var until = DateTime.UtcNow.AddSeconds(180);
        var last = "no answer";
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited) throw new InvalidOperationException($"The runner exited with {_process.ExitCode}:\n{Log}");
            try
            {
                var health = await http.GetAsync(new Uri(BaseAddress, "health"));
                if (health.IsSuccessStatusCode) { LastStartTime = clock.Elapsed; return; }
                last = $"{(int)health.StatusCode}: {await health.Content.ReadAsStringAsync()}";
            }
            catch (HttpRequestException e) { last = e.Message; }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The runner was not healthy within 180 s (last health answer: {last}):\n{Log}");
    }

    /// <summary>Kills the runner and everything it started, without warning.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false }) _process.Kill(entireProcessTree: true);
        _process?.WaitForExit(10_000);
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        await Task.CompletedTask;
        try { if (Directory.Exists(WorkDirectory)) Directory.Delete(WorkDirectory, true); } catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
