using Microsoft.Playwright;

namespace Workflow.Browser.Tests;

/// <summary>
/// Collects what the page reports as broken: script errors, console errors (a Content-Security-Policy
/// violation is one) and failed requests for the app's own files. A page that only looks right fails.
/// </summary>
public sealed class PageErrors
{
    private readonly List<string> _errors = [];

    public PageErrors(IPage page)
    {
        page.PageError += (_, error) => Add("script error: " + error);
        page.Console += (_, message) =>
        {
            // Problem answers the page shows in words (e.g. a 409 on purpose) are logged by Chromium as failed loads; they are not page faults.
            if (message.Type == "error" && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal)) Add("console: " + message.Text);
        };
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/api/app/", StringComparison.Ordinal) && response.Status >= 400) Add($"{response.Status} for {response.Url}");
        };
    }

    private void Add(string error)
    {
        lock (_errors) _errors.Add(error);
    }

    public void AssertNone()
    {
        lock (_errors) Assert.True(_errors.Count == 0, "The page reported errors:\n" + string.Join('\n', _errors));
    }
}
