using System.Net;
using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// A lead turns double coding on from the lead page; two coders disagree on some proposals (through
/// the API, to keep the test short); the lead page says disagreements wait, its link opens the queue
/// filtered to them, the lead settles each with the keyboard seeing both coders' decisions, and the
/// between-coders table fills in.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DoubleCodingInTheBrowserTests(BrowserFixture fixture)
{
    private const string Lead = "lead-double";
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task TheLeadSetsDoubleCoding_SettlesDisagreementsWithTheKeyboard_AndSeesCodersAgreement()
    {
        var study = Azurite.UniqueStudyId("ui-double");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, Lead, "Lead");
        await fixture.Api.AddMemberAsync(study, "ann-ui", "Coder");
        await fixture.Api.AddMemberAsync(study, "bob-ui", "Coder");

        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1200 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new PageErrors(page);
        await page.GotoAsync(fixture.AppUrl($"lead.html?study={study}"));
        await PageChecks.ActAsAsync(page, Lead, "Lead");
        await page.ReloadAsync();
        await page.GetByLabel("Segments coded by two coders (%)").FillAsync("100");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToContainTextAsync("Saved: 100%");
        var saved = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/verification"), HttpStatusCode.OK);
        Assert.Equal(1, saved.GetProperty("verification").GetProperty("doubleCodingShare").GetDouble());

        var recording = await fixture.Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await fixture.Api.WaitForStatusAsync(recording, StageTimeout, "WaitingForVerification", "Failed");
        var bobs = 0;
        await fixture.Api.DecideInTurnsAsync(study, ["ann-ui", "bob-ui"], (coder, item) =>
            item.GetProperty("kind").GetString() is "Redaction" or "TranscriptCheck" ? new { action = "confirm" }
                : coder == "bob-ui" && bobs++ % 3 == 0 ? new { action = "reject" } : new { action = "accept" });
        var pending = await WaitForReconciliationsAsync(study);

        await page.ReloadAsync();
        await Expect(page.Locator("#reconciliations")).ToContainTextAsync($"{pending} disagreement(s) between coders wait for a lead");
        // The page's other sections are still loading at this point; one that finishes between the focus
        // and the key can take the focus (seen in CI), so the keys wait for the page to settle.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.Locator("#reconcile-link").FocusAsync();
        await Expect(page.Locator("#reconcile-link")).ToBeFocusedAsync();
        // The wait is set up before the key: a navigation that commits between the key and a later wait
        // for the URL can be missed by the client (the check reads the old URL, then the event has passed).
        var navigated = page.WaitForURLAsync("**/coder.html?*kind=Reconciliation*", new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
        await page.Keyboard.PressAsync("Enter");
        await navigated;
        await Expect(page.Locator("#filter-kind")).ToHaveValueAsync("Reconciliation");
        await PageChecks.AssertEveryControlIsLabelledAsync(page);

        var panel = page.Locator("#item-panel");
        var settled = 0;
        string previous = "";
        await page.Locator("#claim").FocusAsync();
        await page.Keyboard.PressAsync("n");
        while (true)
        {
            await page.WaitForFunctionAsync(
                "prev => { const p = document.getElementById('item-panel'); return (!p.hidden && p.dataset.item !== prev) || document.getElementById('status').textContent.includes('Nothing waits that matches'); }",
                previous);
            if (await panel.IsHiddenAsync()) break;
            Assert.Equal("Reconciliation", await panel.GetAttributeAsync("data-kind"));
            await Expect(page.Locator("#item-heading")).ToContainTextAsync("Settle code");
            await Expect(page.Locator("dd[data-fact='First coder']")).ToContainTextAsync("-ui: ");
            await Expect(page.Locator("dd[data-fact='Second coder']")).ToContainTextAsync("-ui: ");
            if (settled == 0) await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "double-coding-reconcile.png"), FullPage = true });
            previous = (await panel.GetAttributeAsync("data-item"))!;
            await page.Keyboard.PressAsync("a");
            settled++;
            Assert.True(settled <= pending, "more reconciliations were offered than were waiting");
        }
        Assert.Equal(pending, settled);

        await fixture.Api.WaitForStatusAsync(recording, StageTimeout, "Completed", "Failed");
        await page.GotoAsync(fixture.AppUrl($"lead.html?study={study}"));
        await Expect(page.Locator("#reconciliations")).ToHaveTextAsync("No disagreement between coders waits for a lead.");
        await Expect(page.Locator("#agreement-human-table")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#agreement-human-rows tr").CountAsync() > 0);
        var agreement = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/agreement"), HttpStatusCode.OK);
        await StudyInTheBrowserTests.AssertChartDrawsTheRouteFiguresAsync(page, "#agreement-human-chart", agreement.GetProperty("humanHuman").GetProperty("perCode"));
        await Expect(page.Locator("#agreement-human")).ToContainTextAsync("First coder against second coder");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "double-coding-agreement.png"), FullPage = true });
        errors.AssertNone();
    }

    /// <summary>Reconciliations are queued by the recording's waiting orchestration after the decisions: wait for them.</summary>
    private async Task<int> WaitForReconciliationsAsync(string study)
    {
        var until = DateTime.UtcNow + StageTimeout;
        var (lastPending, steady) = (-1, 0);
        while (true)
        {
            var agreement = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/agreement"), HttpStatusCode.OK);
            var pending = agreement.GetProperty("reconciliationsPending").GetInt32();
            var awaiting = agreement.GetProperty("humanHuman").GetProperty("segmentsAwaitingDecisions").GetInt32();
            // Reconciliations are queued as the orchestration counts each decision: the number is final
            // once every segment is decided and it holds still for a few seconds.
            steady = pending == lastPending ? steady + 1 : 0;
            if (pending > 0 && awaiting == 0 && steady >= 3) return pending;
            lastPending = pending;
            Assert.True(DateTime.UtcNow < until, $"no reconciliation was queued (pending {pending}, segments awaiting {awaiting})");
            await Task.Delay(1000);
        }
    }
}
