using System.Net;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Workflow.Browser.Tests.Firefox;

/// <summary>
/// The same journey as the Chromium test, in Debian's Firefox ESR: upload a transcript on the upload
/// page (text typed, boxes and button clicked), see it wait on the dashboard, decide every item on the coder page with the keyboard alone,
/// see it complete, and read the agreement on the lead page; no page may log a script error.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StudyInFirefoxTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan PipelineTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan PageTimeout = TimeSpan.FromSeconds(20);
    private const string Coder = "coder-firefox";
    private const string Lead = "lead-firefox";

    [Fact]
    public async Task UploadToCompleted_InFirefox_DecidingEveryItemWithTheKeyboard()
    {
        var study = Azurite.UniqueStudyId("firefox");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, Coder, "Coder");
        await fixture.Api.AddMemberAsync(study, Lead, "Lead");
        await using var firefox = await FirefoxBrowser.LaunchAsync();
        output.WriteLine("Browser: " + await firefox.UserAgentAsync());

        var recording = await UploadAsync(firefox, study);
        await firefox.NavigateAsync(fixture.AppUrl($"dashboard.html?study={study}"));
        await firefox.WaitForAsync($"document.querySelector(\"tr[data-recording='{recording}'][data-status=WaitingForVerification]\")", PageTimeout, "the dashboard row waiting for verification");
        await ScreenshotAsync(firefox, "firefox-2-dashboard-waiting");

        var total = (await fixture.Api.RecordingAsync(recording)).GetProperty("progress").GetProperty("total").GetInt32();
        var decided = await DecideEverythingAsync(firefox, study);
        Assert.Equal(total, decided);

        await firefox.NavigateAsync(fixture.AppUrl($"dashboard.html?study={study}"));
        await firefox.WaitForAsync($"document.querySelector(\"tr[data-recording='{recording}'][data-status=Completed]\")", PipelineTimeout, "the recording to complete");
        Assert.Contains($"{total} of {total} decided", await firefox.TextAsync($"document.querySelector(\"tr[data-recording='{recording}']\").textContent"));
        await ScreenshotAsync(firefox, "firefox-5-dashboard-completed");

        await ActAsAsync(firefox, "lead.html", study, Lead, "Lead");
        var agreement = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/agreement"), HttpStatusCode.OK);
        var kappa = agreement.GetProperty("humanMachine").GetProperty("pooled").GetProperty("cohenKappa");
        var shown = kappa.ValueKind == JsonValueKind.Number ? kappa.GetDouble().ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "";
        await firefox.WaitForAsync($"document.getElementById('agreement').textContent.includes('kappa {shown},')", PageTimeout, "the lead page's agreement figures");
        await firefox.WaitForAsync("document.querySelector('#agreement-chart svg[role=img]')", PageTimeout, "the agreement chart");
        await ScreenshotAsync(firefox, "firefox-6-lead");

        Assert.Empty(firefox.PageErrors);
    }

    /// <summary>Fills the upload form as a keyboard user would, chooses the sample transcript and sends it.</summary>
    private async Task<string> UploadAsync(FirefoxBrowser firefox, string study)
    {
        await ActAsAsync(firefox, "upload.html", study, Lead, "Lead");
        await firefox.SetFilesAsync("#files", RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        // Text fields take typed keys; the form's own script reads them as it would from a person.
        foreach (var (field, value) in new[] { ("siteId", "site-a"), ("participant-1-id", "P001"), ("interviewer", "SP") })
        {
            await firefox.EvaluateAsync($"document.getElementById('{field}').focus()");
            await firefox.TypeAsync(value);
            Assert.Equal(value, await firefox.TextAsync($"document.getElementById('{field}').value"));
        }
        Assert.Equal("1", await firefox.TextAsync("String(document.getElementById('files').files.length)"));
        // Boxes and the button take a click (see ClickAsync: headless Firefox runs no key's default action).
        await firefox.ClickAsync("#consentRecording");
        await firefox.ClickAsync("#consentTranscription");
        Assert.Equal("true", await firefox.TextAsync("String(document.getElementById('consentRecording').checked && document.getElementById('consentTranscription').checked)"));
        await firefox.ClickAsync("#upload-button");
        await firefox.WaitForAsync("document.getElementById('status').textContent.includes('1 of 1 uploaded')", PipelineTimeout, "the upload to be accepted");

        await firefox.WaitForAsync("document.querySelector('#uploads li[data-recording] .state[data-status=WaitingForVerification]')", PipelineTimeout, "the upload to reach the queue");
        await ScreenshotAsync(firefox, "firefox-1-upload");
        return (await firefox.TextAsync("document.querySelector('#uploads li[data-recording]').dataset.recording"))!;
    }

    /// <summary>Claims with N and decides each item with its key until the queue is empty; returns the decisions made.</summary>
    private async Task<int> DecideEverythingAsync(FirefoxBrowser firefox, string study)
    {
        await ActAsAsync(firefox, "coder.html", study, Coder, "Coder");
        // The page's keys work once its script has run to the end: it fills the code list last.
        await firefox.WaitForAsync("document.querySelectorAll('#filter-code option').length > 1", PageTimeout, "the coder page's code list");
        await firefox.EvaluateAsync("document.getElementById('claim').focus()");
        await firefox.PressAsync("n");
        var (decided, previous) = (0, "");
        for (var turn = 0; ; turn++)
        {
            Assert.True(turn < 200, "The queue did not empty.");
            await firefox.WaitForAsync(
                $"(() => {{ const p = document.getElementById('item-panel'); return (!p.hidden && p.dataset.item !== '{previous}') || document.getElementById('status').textContent.includes('queue is empty'); }})()",
                PageTimeout, "the next item or an empty queue");
            if (await firefox.TextAsync("String(document.getElementById('item-panel').hidden)") == "true") break;
            previous = (await firefox.TextAsync("document.getElementById('item-panel').dataset.item"))!;
            Assert.Equal("item-heading", await firefox.TextAsync("document.activeElement.id"));
            if (turn == 0) await ScreenshotAsync(firefox, "firefox-3-coder-item");

            if (await firefox.TextAsync("document.getElementById('item-panel').dataset.kind") == "Redaction")
            {
                await firefox.PressAsync("c");
                decided++;
                continue;
            }
            var segment = await firefox.TextAsync("String(document.getElementById('segment-box').hidden ? 1 : document.querySelectorAll('#segment-codes tr').length)");
            var proposals = int.Parse(segment!, System.Globalization.CultureInfo.InvariantCulture);
            for (var row = 0; row < proposals; row++)
            {
                await firefox.PressAsync(decided % 3 == 0 ? "r" : "a");
                decided++;
            }
        }
        Assert.Equal("", await firefox.TextAsync("document.getElementById('alert').textContent"));
        await ScreenshotAsync(firefox, "firefox-4-coder-empty");
        output.WriteLine($"Decided in Firefox with the keyboard: {decided}.");
        return decided;
    }

    /// <summary>Opens <paramref name="page"/> as <paramref name="user"/> in Development sign-in (the identity bar keeps it in the browser's storage).</summary>
    private async Task ActAsAsync(FirefoxBrowser firefox, string page, string study, string user, string role)
    {
        await firefox.NavigateAsync(fixture.AppUrl($"{page}?study={study}"));
        await firefox.EvaluateAsync($"localStorage.setItem('workflow.devUser', '{user}'); localStorage.setItem('workflow.devRoles', '{role}')");
        await firefox.NavigateAsync(fixture.AppUrl($"{page}?study={study}"));
        await firefox.WaitForAsync($"document.getElementById('who')?.textContent === 'Signed in as {user} ({role})'", PageTimeout, "the identity bar");
    }

    private async Task ScreenshotAsync(FirefoxBrowser firefox, string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png");
        await firefox.ScreenshotAsync(path);
        output.WriteLine("Screenshot: " + path);
    }
}
