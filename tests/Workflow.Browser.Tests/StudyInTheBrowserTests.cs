using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// A study from upload to completed recording through the pages only, as an interviewer and a coder
/// would use them: upload the sample transcript and a variant of it on the upload page, watch it reach the queue on the
/// dashboard, decide every item on the coder page with the keyboard alone, see the recording complete.
/// </summary>
[Collection(BrowserCollection.Name)]
public class StudyInTheBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan PipelineTimeout = TimeSpan.FromSeconds(90);
    private const string Coder = "coder-ui";

    [Fact]
    public async Task UploadToCompleted_ThroughThePages_DecidingEveryItemWithTheKeyboard()
    {
        var study = Azurite.UniqueStudyId("ui");
        await fixture.Api.SetUpStudyAsync(study);
        // Roles are held per study: the coders and the second lead the test acts as are members.
        await fixture.Api.AddMemberAsync(study, Coder, "Coder");
        await fixture.Api.AddMemberAsync(study, "coder-other", "Coder");
        await fixture.Api.AddMemberAsync(study, "lead-ui", "Lead");
        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new PageErrors(page);

        var recordings = await UploadAsync(page, study);
        var totals = await DashboardShowsTheQueueAsync(page, study, recordings);
        var decided = await DecideEverythingWithTheKeyboardAsync(page, study);
        Assert.Equal(totals.Values.Sum(), decided);
        await DashboardShowsCompletedAsync(page, study, totals);
        await LeadPageAsync(page, study);

        errors.AssertNone();
        output.WriteLine($"Screenshots: {BrowserFixture.ScreenshotFolder}");
        Console.WriteLine($"Browser test screenshots: {BrowserFixture.ScreenshotFolder}");
    }

    /// <summary>Uploads the sample transcript and a variant of it (one more turn, so not a duplicate) in one go.</summary>
    private async Task<IReadOnlyList<string>> UploadAsync(IPage page, string study)
    {
        var sample = RepositoryPaths.Sample("transcripts/interview-service-user.txt");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "workflow-ui-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        var variant = Path.Combine(folder, "interview-second.txt");
        await File.WriteAllTextAsync(variant, await File.ReadAllTextAsync(sample) + "\n\nInterviewer: Thank you, that is all my questions.\n");

        var response = await page.GotoAsync(fixture.AppUrl($"upload.html?study={study}"));
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        Assert.StartsWith("default-src 'self'", await response.HeaderValueAsync("content-security-policy"));
        Assert.Equal("nosniff", await response.HeaderValueAsync("x-content-type-options"));
        await Expect(page.Locator("#who")).ToContainTextAsync("Signed in as");
        await AssertEveryControlIsLabelledAsync(page);

        var form = page.Locator("#upload-form");
        await form.GetByLabel("Site id").FillAsync("site-a");
        await form.GetByLabel("Participant 1 code").FillAsync("P001");
        await form.GetByLabel("Participant 1 role").SelectOptionAsync("ServiceUser");
        await form.GetByLabel("Interviewer", new() { Exact = true }).FillAsync("SP");
        await form.GetByLabel("Date recorded").FillAsync("2006-05-03");
        await form.Locator("#consentRecording").CheckAsync();
        await form.Locator("#consentTranscription").CheckAsync();
        await form.GetByLabel("Recordings or transcripts").SetInputFilesAsync([sample, variant]);
        await form.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        var uploads = page.Locator("#uploads li[data-recording]");
        // Uploads go through the real API, which on a loaded CI machine can take more than the default 5 s.
        await Expect(uploads).ToHaveCountAsync(2, new() { Timeout = 60_000 });
        await Expect(page.Locator("#status")).ToContainTextAsync("2 of 2 uploaded", new() { Timeout = 60_000 });
        var ids = new List<string>();
        foreach (var upload in await uploads.AllAsync())
        {
            // The progress bar is full once the body is sent; then the stage follows the pipeline live.
            var bar = upload.Locator("progress");
            Assert.Equal(await bar.GetAttributeAsync("max"), await bar.EvaluateAsync<string>("b => String(b.value)"));
            await Expect(upload.Locator(".state[data-status=WaitingForVerification]")).ToBeVisibleAsync(new() { Timeout = (float)PipelineTimeout.TotalMilliseconds });
            await Expect(upload.Locator(".state")).ToContainTextAsync("AwaitingVerification");
            ids.Add((await upload.GetAttributeAsync("data-recording"))!);
        }
        await ScreenshotAsync(page, "1-upload");
        Directory.Delete(folder, recursive: true);
        return ids;
    }

    private async Task<Dictionary<string, int>> DashboardShowsTheQueueAsync(IPage page, string study, IReadOnlyList<string> recordings)
    {
        await page.GotoAsync(fixture.AppUrl($"dashboard.html?study={study}"));
        var totals = new Dictionary<string, int>();
        foreach (var recordingId in recordings)
        {
            var row = page.Locator($"tr[data-recording='{recordingId}']");
            await Expect(row).ToHaveAttributeAsync("data-status", "WaitingForVerification");
            var recording = await fixture.Api.RecordingAsync(recordingId);
            var total = totals[recordingId] = recording.GetProperty("progress").GetProperty("total").GetInt32();
            Assert.True(total > 0);
            await Expect(row).ToContainTextAsync($"0 of {total} decided");
        }
        await Expect(page.Locator("dd[data-fact=Pending]")).ToHaveTextAsync(totals.Values.Sum().ToString());
        await Expect(page.Locator("dd[data-fact='Coders working']")).ToHaveTextAsync("nobody");
        await ScreenshotAsync(page, "2-dashboard-waiting");
        return totals;
    }

    private async Task<int> DecideEverythingWithTheKeyboardAsync(IPage page, string study)
    {
        await page.GotoAsync(fixture.AppUrl($"coder.html?study={study}"));
        await AssertEveryControlIsLabelledAsync(page);
        await ActAsCoderAsync(page);

        var panel = page.Locator("#item-panel");
        var (decided, redactions, codes) = (0, 0, 0);
        var (refusalShown, released, edited, addedMissed, keysUsed) = (false, false, false, false, new SortedSet<string>(StringComparer.Ordinal));
        string? previous = null;
        async Task PressAsync(string key)
        {
            keysUsed.Add(key);
            await page.Keyboard.PressAsync(key);
        }
        await page.Locator("#claim").FocusAsync();
        await page.Keyboard.PressAsync("n");
        for (var turn = 0; ; turn++)
        {
            Assert.True(turn < 500, "The queue did not empty.");
            await page.WaitForFunctionAsync(
                "prev => { const p = document.getElementById('item-panel'); return (!p.hidden && p.dataset.item !== prev) || document.getElementById('status').textContent.includes('queue is empty'); }",
                previous ?? "");
            if (await panel.IsHiddenAsync()) break;
            var id = (await panel.GetAttributeAsync("data-item"))!;
            var isRedaction = await panel.GetAttributeAsync("data-kind") == "Redaction";
            // Focus is on the item's heading after every claim, so keys reach the page, not a field.
            await Expect(page.Locator("#item-heading")).ToBeFocusedAsync();
            await Expect(page.Locator("#context mark").First).ToBeVisibleAsync();

            if (turn == 0) await ScreenshotAsync(page, "3-coder-item");
            // A segment's proposals come together; the special checks below use segments of one proposal.
            var proposals = isRedaction || await page.Locator("#segment-box").IsHiddenAsync() ? 1 : await page.Locator("#segment-codes tr").CountAsync();
            if (!refusalShown && !isRedaction && proposals == 1 && edited)
            {
                refusalShown = true;
                // Decided behind the page's back (same coder, another tab): the page's own decision must be refused in words.
                await ApiClient.EnsureAsync(await fixture.Api.DecideAsync(id, new { action = "accept" }, Coder), HttpStatusCode.OK);
                await page.Keyboard.PressAsync("a");
                await Expect(page.Locator("#alert")).ToContainTextAsync("already been decided");
                await ScreenshotAsync(page, "4-coder-error");
                decided++;
                codes++;
                previous = id;
                await page.Keyboard.PressAsync("n");
                continue;
            }

            if (!released && !isRedaction && proposals == 1 && refusalShown)
            {
                // S gives the item back at once: another coder can claim it without waiting for the lease.
                released = true;
                await PressAsync("s");
                await Expect(panel).ToBeHiddenAsync();
                await Expect(page.Locator("#status")).ToContainTextAsync("Released");
                await Expect(page.Locator("#claim")).ToBeFocusedAsync();
                var other = await fixture.Api.ClaimAsync(study, "coder-other");
                Assert.Equal(id, other?.GetProperty("id").GetString());
                await ApiClient.EnsureAsync(await fixture.Api.SendJsonAsync(HttpMethod.Post, $"queue/items/{id}/release", "", "coder-other"), HttpStatusCode.OK);
                previous = null; // the same item may well come back
                await page.Keyboard.PressAsync("n");
                continue;
            }

            previous = id;
            if (isRedaction)
            {
                // The first redaction is undone (its words come back in the final transcript), the others confirmed.
                await PressAsync(redactions++ == 0 ? "u" : "c");
                decided++;
                continue;
            }
            if (!edited && proposals == 1)
            {
                // Edit: E opens the code list with the proposed code chosen; the arrow picks another; Enter saves.
                edited = true;
                await Expect(page.Locator("#definition-text")).Not.ToBeEmptyAsync();
                await page.Keyboard.PressAsync("m");
                await page.Keyboard.TypeAsync("Better fits a neighbouring code.");
                await page.Keyboard.PressAsync("Escape");
                await PressAsync("e");
                await Expect(page.Locator("#edit-code")).ToBeFocusedAsync();
                var proposed = await page.Locator("#edit-code").InputValueAsync();
                await page.Keyboard.PressAsync("ArrowDown");
                Assert.NotEqual(proposed, await page.Locator("#edit-code").InputValueAsync());
                await page.Keyboard.PressAsync("Enter");
                codes++;
                decided++;
                continue;
            }
            if (!addedMissed && proposals >= 2)
            {
                // +: a code the engine missed joins the segment, saved with its choices.
                addedMissed = true;
                await PressAsync("+");
                await Expect(page.Locator("#add-code")).ToBeFocusedAsync();
                await page.Keyboard.PressAsync("End");
                await page.Keyboard.PressAsync("Enter");
                await Expect(page.Locator("#added-codes")).ToContainTextAsync("Codes you added");
                await ScreenshotAsync(page, "3b-coder-segment");
            }
            // A and R decide the highlighted proposal and move to the next; the last choice saves the segment.
            for (var row = 0; row < proposals; row++)
            {
                if (row > 0) await Expect(page.Locator("#segment-codes tr").Nth(row)).ToHaveAttributeAsync("aria-current", "true");
                await PressAsync(codes++ % 3 == 0 ? "r" : "a");
                decided++;
            }
        }
        Assert.True(addedMissed, "no segment with two proposals came up, so adding a missed code was not tried");
        await Expect(page.Locator("#alert")).ToBeEmptyAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync($"{decided - 1} decided in this session");
        Assert.True(refusalShown && released, "Too few code items came up to check the refusal in words and the release.");
        // Each copy of the sample transcript yields codes and a redaction check, so every decision key was used.
        Assert.Equal(["+", "a", "c", "e", "r", "s", "u"], keysUsed);
        await ScreenshotAsync(page, "5-coder-empty");
        output.WriteLine($"Decided with the keyboard: {decided - 1}, behind the page: 1 ({redactions} redaction checks, {codes} code items).");
        return decided;
    }

    private static Task ActAsCoderAsync(IPage page) => ActAsAsync(page, Coder, "Coder");

    private static Task ActAsAsync(IPage page, string user, string role) => PageChecks.ActAsAsync(page, user, role);

    private async Task DashboardShowsCompletedAsync(IPage page, string study, Dictionary<string, int> totals)
    {
        await page.GotoAsync(fixture.AppUrl($"dashboard.html?study={study}"));
        foreach (var (recordingId, total) in totals)
        {
            var row = page.Locator($"tr[data-recording='{recordingId}']");
            await Expect(row).ToHaveAttributeAsync("data-status", "Completed", new() { Timeout = (float)PipelineTimeout.TotalMilliseconds });
            await Expect(row).ToContainTextAsync($"{total} of {total} decided");
            var transcript = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"recordings/{recordingId}/transcript"), HttpStatusCode.OK);
            Assert.True(transcript.GetProperty("verified").GetBoolean());
        }
        await Expect(page.Locator("dd[data-fact=Pending]")).ToHaveTextAsync("0");
        await ScreenshotAsync(page, "6-dashboard-completed");
    }

    private async Task LeadPageAsync(IPage page, string study)
    {
        await page.GotoAsync(fixture.AppUrl($"lead.html?study={study}"));
        // Still acting as the coder: the agreement figures are the lead's, and the refusal is shown in words.
        await Expect(page.Locator("#alert")).Not.ToBeEmptyAsync();
        await ActAsAsync(page, "lead-ui", "Lead");
        await page.ReloadAsync();
        // The page shows the agreement route's own figures: the decisions above moved them.
        var agreement = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/agreement"), HttpStatusCode.OK);
        var pooled = agreement.GetProperty("humanMachine").GetProperty("pooled");
        Assert.True(agreement.GetProperty("humanMachine").GetProperty("units").GetInt32() > 0);
        var kappa = pooled.GetProperty("cohenKappa");
        var shown = kappa.ValueKind == JsonValueKind.Number ? kappa.GetDouble().ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "";
        await Expect(page.Locator("#agreement")).ToContainTextAsync($"kappa {shown},");
        await Expect(page.Locator("#agreement-rows tr").First).ToBeVisibleAsync();
        await AssertChartDrawsTheRouteFiguresAsync(page, "#agreement-chart", agreement.GetProperty("humanMachine").GetProperty("perCode"));
        await Expect(page.Locator("#agreement-human")).ToContainTextAsync("coded by two coders");
        await Expect(page.Locator("#codebook-summary")).ToContainTextAsync("version 1");
        await Expect(page.Locator("#codes tr").First).ToBeVisibleAsync();
        await ScreenshotAsync(page, "7-lead");
    }

    /// <summary>Each code's kappa bar in the chart carries exactly the route's figure, and no code without one has a bar.</summary>
    internal static async Task AssertChartDrawsTheRouteFiguresAsync(IPage page, string figure, JsonElement perCode)
    {
        await Expect(page.Locator($"{figure} svg[role=img]")).ToBeVisibleAsync();
        var expected = perCode.EnumerateArray()
            .Where(r => r.GetProperty("cohenKappa").ValueKind == JsonValueKind.Number)
            .ToDictionary(r => r.GetProperty("codeId").GetString()!, r => r.GetProperty("cohenKappa").GetDouble());
        var bars = page.Locator($"{figure} rect[data-measure=cohenKappa]");
        Assert.Equal(expected.Count, await bars.CountAsync());
        foreach (var (code, kappa) in expected)
        {
            var value = await page.Locator($"{figure} g[data-code='{code}'] rect[data-measure=cohenKappa]").GetAttributeAsync("data-value");
            Assert.Equal(kappa, double.Parse(value!, System.Globalization.CultureInfo.InvariantCulture), 9);
        }
    }

    private static Task AssertEveryControlIsLabelledAsync(IPage page) => PageChecks.AssertEveryControlIsLabelledAsync(page);

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine("Screenshot: " + path);
    }
}
