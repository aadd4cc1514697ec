using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// Deletion on the lead page, by keyboard: a coder is offered none of it; a lead withdraws P101, who
/// has two interviews and shares a focus group with P102, is asked about the group recording, keeps
/// it, and follows the deletion until nothing of P101 is left; then deletes the group recording from
/// the list and sees its row go. Each outcome is checked through the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public class WithdrawalInTheBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(90);
    private const float DeletionMs = 60_000;
    private const string Lead = "lead-withdrawal";
    private const string Coder = "coder-withdrawal";

    [Fact]
    public async Task ALeadWithdrawsAParticipant_KeepsTheirGroupRecording_ThenDeletesItFromTheList()
    {
        var clock = Stopwatch.StartNew();
        var study = Azurite.UniqueStudyId("ui-withdraw");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, Lead, "Lead");
        await fixture.Api.AddMemberAsync(study, Coder, "Coder");
        var first = await UploadAsync(study, "P101:ServiceUser", "interview", "first");
        var second = await UploadAsync(study, "P101:ServiceUser", "interview", "second");
        var group = await UploadAsync(study, "P101:ServiceUser, P102:Worker", "focus-group", "group");
        foreach (var id in new[] { first, second, group })
            await fixture.Api.WaitForStatusAsync(id, Pipeline, "WaitingForVerification");
        output.WriteLine($"Three recordings wait for verification after {clock.Elapsed.TotalSeconds:F1} s.");

        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new PageErrors(page);

        // A coder of the study is offered neither deleting nor withdrawing.
        await page.GotoAsync(fixture.AppUrl($"lead.html?study={study}"));
        await PageChecks.ActAsAsync(page, Coder, "Coder");
        await page.ReloadAsync();
        await Expect(page.Locator("#lead-only")).ToBeVisibleAsync();
        await Expect(page.Locator("#withdrawal-section")).ToBeHiddenAsync();
        await Expect(page.Locator("#lead-recordings-section")).ToBeHiddenAsync();

        await PageChecks.ActAsAsync(page, Lead, "Lead");
        await page.ReloadAsync();
        foreach (var id in new[] { first, second, group }) await Expect(Row(page, id)).ToBeVisibleAsync();
        await Expect(page.Locator("#lead-only")).ToBeHiddenAsync();
        await PageChecks.AssertEveryControlIsLabelledAsync(page);

        // Nothing is sent before the lead confirms: Cancel has the focus, and Escape keeps everything.
        var withdraw = page.GetByRole(AriaRole.Button, new() { Name = "Withdraw consent…" });
        await page.GetByLabel("Participant id").FillAsync("P101");
        await PressAsync(page, withdraw, "Enter");
        var confirm = page.GetByRole(AriaRole.Group, new() { Name = "Confirm the withdrawal of P101" });
        await Expect(confirm).ToContainTextAsync("cannot be undone");
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(withdraw).ToBeFocusedAsync();
        await ApiClient.ProblemAsync(await WithdrawalAsync(study), HttpStatusCode.NotFound);

        // Confirmed, the API refuses (409) until the lead says what happens to the group recording.
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw P101" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var question = page.Locator("#group-choice-form");
        await Expect(question).ToBeVisibleAsync();
        await Expect(question.Locator("#group-recordings li")).ToHaveTextAsync(new[] { group });
        await Expect(question.GetByRole(AriaRole.Radio).First).ToBeFocusedAsync();
        await ApiClient.ProblemAsync(await WithdrawalAsync(study), HttpStatusCode.NotFound);
        await PageChecks.AssertEveryControlIsLabelledAsync(page);
        await ScreenshotAsync(page, "10-withdrawal-question");
        // The arrow key moves from "delete" to "keep" and picks it, as in any radio group.
        await page.Keyboard.PressAsync("ArrowDown");
        await Expect(question.GetByRole(AriaRole.Radio, new() { Name = "Keep the group recording, as the study's consent terms allow" })).ToBeCheckedAsync();
        await PressAsync(page, question.GetByRole(AriaRole.Button, new() { Name = "Withdraw P101" }), "Enter");

        var progress = page.Locator("#withdrawal-progress");
        await Expect(progress).ToHaveAttributeAsync("data-complete", "true", new() { Timeout = DeletionMs });
        await Expect(page.Locator("#withdrawal-outcome")).ToHaveTextAsync("Nothing of P101 is left: 2 recordings deleted; 1 group recording kept.");
        await Expect(progress.Locator("li[data-state=Deleted]")).ToHaveCountAsync(2);
        await Expect(progress.Locator($"li[data-recording='{group}']")).ToHaveAttributeAsync("data-state", "Kept");
        foreach (var id in new[] { first, second })
        {
            await ApiClient.ProblemAsync(await fixture.Api.GetAsync($"recordings/{id}"), HttpStatusCode.NotFound);
            await Expect(Row(page, id)).ToHaveCountAsync(0, new() { Timeout = DeletionMs });
        }
        Assert.Equal("WaitingForVerification", (await fixture.Api.RecordingAsync(group)).GetProperty("status").GetString());
        await ScreenshotAsync(page, "11-withdrawal-complete");
        output.WriteLine($"Withdrawal complete after {clock.Elapsed.TotalSeconds:F1} s.");

        // Deleting from the list asks first as well; confirmed, the row shows "Deleting" and goes when the recording is gone.
        var row = Row(page, group);
        var delete = row.GetByRole(AriaRole.Button, new() { Name = $"Delete {group}" });
        await PressAsync(page, delete, "Enter");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(delete).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Yes, delete {group}" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(row).ToHaveAttributeAsync("data-status", "Deleting");
        await Expect(row).ToHaveCountAsync(0, new() { Timeout = DeletionMs });
        await Expect(page.Locator("#status")).ToHaveTextAsync($"{group} was deleted: nothing of it is left.");
        await ApiClient.ProblemAsync(await fixture.Api.GetAsync($"recordings/{group}"), HttpStatusCode.NotFound);
        await Expect(page.Locator("#lead-recordings-summary")).ToHaveTextAsync("No recordings in this study.");

        errors.AssertNone();
        output.WriteLine($"Done after {clock.Elapsed.TotalSeconds:F1} s.");
    }

    private static ILocator Row(IPage page, string recordingId) => page.Locator($"#lead-recordings tr[data-recording='{recordingId}']");

    /// <summary>The sample transcript with a closing turn of its own, so no two uploads are duplicates.</summary>
    private async Task<string> UploadAsync(string study, string participants, string format, string variant)
    {
        var text = await File.ReadAllTextAsync(RepositoryPaths.Sample("transcripts/interview-service-user.txt"))
            + $"\n\nInterviewer: Thank you, that was the {variant} session.\n";
        var fields = ApiClient.InterviewFields(participants);
        fields["format"] = format;
        var body = await ApiClient.EnsureAsync(await fixture.Api.UploadAsync(study, $"{variant}.txt", Encoding.UTF8.GetBytes(text), fields), HttpStatusCode.Accepted);
        return body.GetProperty("recordingId").GetString()!;
    }

    private Task<HttpResponseMessage> WithdrawalAsync(string study) => fixture.Api.GetAsync($"studies/{study}/participants/P101/withdrawal");

    private static async Task PressAsync(IPage page, ILocator control, string key)
    {
        await control.FocusAsync();
        await page.Keyboard.PressAsync(key);
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine("Screenshot: " + path);
    }
}
