using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Workflow.Browser.Tests.Firefox;

/// <summary>
/// Debian's Firefox ESR, headless, in a fresh profile, driven over WebDriver BiDi: one tab, with what
/// the browser tests need of it (navigate, run a script, wait for a condition, press keys, choose
/// files, take a screenshot). Playwright drives only its own patched Firefox, which cannot be
/// installed from the registries here, so the Firefox tests speak the standard protocol themselves.
/// </summary>
internal sealed partial class FirefoxBrowser : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/firefox-esr";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly string _profile;
    private readonly BiDiConnection _bidi;
    private readonly string _context;

    private FirefoxBrowser(Process process, string profile, BiDiConnection bidi, string context) =>
        (_process, _profile, _bidi, _context) = (process, profile, bidi, context);

    /// <summary>Errors the pages logged so far (uncaught exceptions, console.error).</summary>
    public IReadOnlyList<string> PageErrors => _bidi.PageErrors;

    public static async Task<FirefoxBrowser> LaunchAsync(int width = 1280, int height = 1000)
    {
        if (!File.Exists(ExecutablePath))
            throw new InvalidOperationException(
                $"{ExecutablePath} is missing: the Firefox browser tests drive Debian's firefox-esr package. Install it with " +
                "`apt-get install -y firefox-esr` (scripts/setup.sh does, from APT_PACKAGES in scripts/common.sh).");
        var profile = Directory.CreateTempSubdirectory("workflow-firefox-").FullName;
        // No updates, telemetry or first-run pages: this machine has no network but the loopback.
        await File.WriteAllTextAsync(Path.Combine(profile, "user.js"), string.Join('\n',
            "user_pref(\"app.update.disabledForTesting\", true);",
            "user_pref(\"datareporting.policy.dataSubmissionEnabled\", false);",
            "user_pref(\"toolkit.telemetry.reportingpolicy.firstRun\", false);",
            "user_pref(\"browser.shell.checkDefaultBrowser\", false);",
            "user_pref(\"browser.startup.homepage_override.mstone\", \"ignore\");"));
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--headless", "--no-remote", "--profile", profile, "--remote-debugging-port", "0", "about:blank" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Firefox did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.BeginOutputReadLine();

        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text && ListeningLine().Match(text) is { Success: true } match)
                listening.TrySetResult(new Uri(match.Groups["url"].Value + "/session"));
        };
        process.BeginErrorReadLine();
        Uri url;
        try
        {
            url = await listening.Task.WaitAsync(StartTimeout);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"Firefox did not open its WebDriver BiDi port within {StartTimeout.TotalSeconds:0} s.");
        }

        var bidi = await BiDiConnection.OpenAsync(url);
        await bidi.SendAsync("session.new", new { capabilities = new { } });
        await bidi.SendAsync("session.subscribe", new { events = new[] { "log.entryAdded" } });
        var tree = await bidi.SendAsync("browsingContext.getTree", new { maxDepth = 0 });
        var context = tree.GetProperty("contexts")[0].GetProperty("context").GetString()!;
        await bidi.SendAsync("browsingContext.setViewport", new { context, viewport = new { width, height } });
        return new FirefoxBrowser(process, profile, bidi, context);
    }

    /// <summary>The browser's own version, as it reports it in the session.</summary>
    public async Task<string> UserAgentAsync() => (await EvaluateAsync("navigator.userAgent")).GetProperty("value").GetString()!;

    /// <summary>Loads <paramref name="url"/> and waits until the document and its scripts have loaded.</summary>
    public Task NavigateAsync(string url) =>
        _bidi.SendAsync("browsingContext.navigate", new { context = _context, url, wait = "complete" }, TimeSpan.FromSeconds(60));

    /// <summary>Runs <paramref name="expression"/> in the page (promises awaited) and returns BiDi's serialised result.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, string ownership = "none")
    {
        var answer = await _bidi.SendAsync("script.evaluate",
            new { expression, target = new { context = _context }, awaitPromise = true, resultOwnership = ownership });
        if (answer.GetProperty("type").GetString() == "exception")
            throw new InvalidOperationException($"Script failed in Firefox: {answer.GetProperty("exceptionDetails").GetProperty("text").GetString()}");
        return answer.GetProperty("result");
    }

    /// <summary>The string value of <paramref name="expression"/>; null when it is not a string.</summary>
    public async Task<string?> TextAsync(string expression)
    {
        var result = await EvaluateAsync(expression);
        return result.GetProperty("type").GetString() == "string" ? result.GetProperty("value").GetString() : null;
    }

    /// <summary>Polls <paramref name="condition"/> (a JavaScript expression) until it is true; fails naming it after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(string condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var result = await EvaluateAsync($"Boolean({condition})");
            if (result.GetProperty("value").GetBoolean()) return;
            if (clock.Elapsed > timeout)
            {
                // What the page looked like, for whoever reads the failure (saved beside the test's screenshots).
                await ScreenshotAsync(Path.Combine(BrowserFixture.ScreenshotFolder, "firefox-timeout.png"));
                throw new TimeoutException($"Waited {timeout.TotalSeconds:0} s in Firefox for {what} ({condition}); the page says: " +
                    await TextAsync("(document.getElementById('alert')?.textContent || '') + ' | ' + (document.getElementById('status')?.textContent || '')"));
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Presses and releases one key: a character, or a WebDriver key code point such as U+E007 for Enter.</summary>
    public Task PressAsync(string key) => _bidi.SendAsync("input.performActions", new
    {
        context = _context,
        actions = new[] { new { type = "key", id = "keyboard", actions = new[] { new { type = "keyDown", value = key }, new { type = "keyUp", value = key } } } },
    });

    /// <summary>Types <paramref name="text"/> one character at a time into whatever has focus.</summary>
    public Task TypeAsync(string text) => _bidi.SendAsync("input.performActions", new
    {
        context = _context,
        actions = new[] { new { type = "key", id = "keyboard", actions = text.SelectMany(c => new[] { new { type = "keyDown", value = c.ToString() }, new { type = "keyUp", value = c.ToString() } }).ToArray() } },
    });

    /// <summary>
    /// Clicks the middle of the element matched by <paramref name="selector"/> with the mouse. Forms in
    /// these tests are sent with a click: Firefox's BiDi delivers key events to the page's handlers, but
    /// in headless mode it does not run a key's default action (Space ticking a box, Enter pressing a button).
    /// </summary>
    public async Task ClickAsync(string selector)
    {
        // A pointer can only reach what is inside the viewport, as for a person.
        await EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)}).scrollIntoView({{ block: 'center' }})");
        var element = await ElementAsync(selector);
        await _bidi.SendAsync("input.performActions", new
        {
            context = _context,
            actions = new object[]
            {
                new
                {
                    type = "pointer", id = "mouse",
                    actions = new object[]
                    {
                        new { type = "pointerMove", x = 0, y = 0, origin = new { type = "element", element } },
                        new { type = "pointerDown", button = 0 },
                        new { type = "pointerUp", button = 0 },
                    },
                },
            },
        });
    }

    /// <summary>Chooses <paramref name="paths"/> in the file input matched by <paramref name="selector"/>, as a person picking files would.</summary>
    public async Task SetFilesAsync(string selector, params string[] paths)
    {
        await _bidi.SendAsync("input.setFiles", new { context = _context, element = await ElementAsync(selector), files = paths });
    }

    /// <summary>A reference to the element <paramref name="selector"/> matches, for commands that act on one.</summary>
    private async Task<object> ElementAsync(string selector)
    {
        var node = await EvaluateAsync($"document.querySelector({JsonSerializer.Serialize(selector)})", ownership: "root");
        if (node.GetProperty("type").GetString() != "node") throw new InvalidOperationException($"No element matches {selector}.");
        return new { sharedId = node.GetProperty("sharedId").GetString() };
    }

    /// <summary>Saves a PNG of the whole document.</summary>
    public async Task ScreenshotAsync(string path)
    {
        var shot = await _bidi.SendAsync("browsingContext.captureScreenshot", new { context = _context, origin = "document" });
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(shot.GetProperty("data").GetString()!));
    }

    public async ValueTask DisposeAsync()
    {
        await _bidi.DisposeAsync();
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // A file Firefox still held; the temp folder is cleaned by the system.
        }
    }

    [GeneratedRegex(@"WebDriver BiDi listening on (?<url>ws://[^\s]+)")]
    private static partial Regex ListeningLine();
}
