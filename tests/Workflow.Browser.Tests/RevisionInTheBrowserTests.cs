using System.Net;
using System.Text;
using Workflow.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// A coder decides an item with the keyboard, then changes their mind with B and Enter: the page lists
/// the decision with the newer one in force, the study's audit trail records the revision, and a
/// change after the recording is complete is refused in words with the form left open.
/// </summary>
[Collection(BrowserCollection.Name)]
public class RevisionInTheBrowserTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(90);
    private const string Coder = "coder-revise-ui";

    [Fact]
    public async Task ACoderPressesB_ChangesTheirLastDecision_AndTheNewerOneIsInForce()
    {
        var study = Azurite.UniqueStudyId("ui-revise");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, Coder, "Coder");
        // Several coded turns and no identifiers, so items still wait after the first one is decided
        // (the recording completes, and revisions close, when its last item is decided).
        const string transcript = "Interviewer: How was the group?\n\nParticipant: The peer support group helped me, and the keyworker listened when I had a relapse.\n\n"
            + "Interviewer: And the service?\n\nParticipant: The waiting list was long and nobody asked what we thought about the service.\n\n"
            + "Interviewer: Anything else?\n\nParticipant: Volunteering gave me confidence and a reason to stay off drugs.\n";
        var upload = await ApiClient.EnsureAsync(await fixture.Api.UploadAsync(study, "revise.txt", Encoding.UTF8.GetBytes(transcript), ApiClient.InterviewFields()), HttpStatusCode.Accepted);
        var recording = upload.GetProperty("recordingId").GetString()!;
        await fixture.Api.WaitForStatusAsync(recording, Pipeline, "WaitingForVerification");

        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1100 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new PageErrors(page);
        await page.GotoAsync(fixture.AppUrl($"coder.html?study={study}"));
        await PageChecks.ActAsAsync(page, Coder, "Coder");
        await page.ReloadAsync();
        await Expect(page.Locator("#filter-code option").Nth(1)).ToBeAttachedAsync();

        // Nothing decided yet: B says so.
        await page.Locator("#claim").FocusAsync();
        await page.Keyboard.PressAsync("b");
        await Expect(page.Locator("#status")).ToHaveTextAsync("You have not decided anything in this session yet.");

        await page.Keyboard.PressAsync("n");
        await Expect(page.Locator("#item-heading")).ToBeFocusedAsync();
        var first = (await page.Locator("#item-panel").GetAttributeAsync("data-item"))!;
        // Should a detector flag a word as an identifier, that check comes first: confirm it, else accept
        // every proposed code of the segment (the last A saves it).
        var isRedaction = await page.Locator("#item-panel").GetAttributeAsync("data-kind") == "Redaction";
        var (key, decided, other) = isRedaction ? ("c", "confirm", "undo") : ("a", "accept", "reject");
        var proposals = isRedaction ? 1 : Math.Max(1, await page.Locator("#segment-codes tr").CountAsync());
        for (var i = 0; i < proposals; i++) await page.Keyboard.PressAsync(key);
        var row = page.Locator($"#history tr[data-item='{first}']");
        await Expect(row.Locator("td[data-decision]")).ToHaveAttributeAsync("data-decision", decided);

        // B opens the newest decision (the last row saved), offering something other than what is in force.
        await page.Locator("#claim").FocusAsync();
        await page.Keyboard.PressAsync("b");
        var action = page.Locator("#revise-action");
        await Expect(action).ToBeFocusedAsync();
        await Expect(action).ToHaveValueAsync(other);
        await PageChecks.AssertEveryControlIsLabelledAsync(page);
        var newest = (await page.Locator("#history tr").First.GetAttributeAsync("data-item"))!;
        await page.GetByLabel("Memo (optional, saved with the new decision)").FillAsync("On reflection the passage is about the keyworker, not the group.");
        await action.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToContainTextAsync("Changed: ");
        await Expect(page.Locator("#revise-form")).ToBeHiddenAsync();
        var changed = page.Locator($"#history tr[data-item='{newest}'] td[data-decision]");
        await Expect(changed).ToHaveAttributeAsync("data-decision", other);
        await Expect(changed).ToContainTextAsync("(changed 1×)");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "coder-revision.png"), FullPage = true });

        var audit = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/audit?max=200"), HttpStatusCode.OK);
        var revised = audit.GetProperty("events").EnumerateArray().Single(e => e.GetProperty("action").GetString() == "DecisionRevised");
        Assert.Equal(newest, revised.GetProperty("targetId").GetString());
        Assert.Equal(Coder, revised.GetProperty("actor").GetString());
        Assert.Equal(other, revised.GetProperty("details").GetProperty("action").GetString(), ignoreCase: true);

        // Once the recording is complete its final transcript is made: a change is refused in words.
        // The page holds the next item it claimed: give it back (S) so the rest can be decided.
        if (await page.Locator("#item-panel").IsVisibleAsync())
        {
            await page.Locator("#item-heading").FocusAsync();
            await page.Keyboard.PressAsync("s");
            await Expect(page.Locator("#status")).ToContainTextAsync("Released");
        }
        await fixture.Api.DecideEverythingAsync(study);
        await fixture.Api.WaitForStatusAsync(recording, Pipeline, "Completed");
        await page.Locator("#claim").FocusAsync();
        await page.Keyboard.PressAsync("b");
        await Expect(action).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#alert")).ToContainTextAsync("Not changed: The recording no longer waits for verification");
        await Expect(page.Locator("#revise-form")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#revise-form")).ToBeHiddenAsync();
        await Expect(page.Locator("#claim")).ToBeFocusedAsync();
        errors.AssertNone();
    }
}
