using System.Net;
using System.Text;
using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// On the coder page, a coder selects words the engines left in an item's context, presses I, chooses
/// the kind and marks them: the page says what happened, the study's audit trail records it without
/// the words, and the recording is de-identified again with the words hidden.
/// </summary>
[Collection(BrowserCollection.Name)]
public class MissedIdentifierInTheBrowserTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(90);
    private const string Coder = "coder-missed-ui";
    private const string Place = "old tannery";

    [Fact]
    public async Task ACoderSelectsMissedWords_PressesI_AndMarksThemAsAPlace()
    {
        var study = Azurite.UniqueStudyId("ui-missed");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, Coder, "Coder");
        var transcript = $"Interviewer: Where did you go?\n\nParticipant: We used to meet at the {Place} every Friday and the waiting list was short, nobody listened to us.\n";
        var upload = await ApiClient.EnsureAsync(await fixture.Api.UploadAsync(study, "missed.txt", Encoding.UTF8.GetBytes(transcript), ApiClient.InterviewFields()), HttpStatusCode.Accepted);
        var recording = upload.GetProperty("recordingId").GetString()!;
        await fixture.Api.WaitForStatusAsync(recording, Pipeline, "WaitingForVerification");

        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new PageErrors(page);
        await page.GotoAsync(fixture.AppUrl($"coder.html?study={study}"));
        await PageChecks.ActAsAsync(page, Coder, "Coder");
        await page.ReloadAsync();
        // The page's keys work once its script has run to the end: it fills the code list last.
        await Expect(page.Locator("#filter-code option").Nth(1)).ToBeAttachedAsync();
        await page.Locator("#claim").FocusAsync();
        await page.Keyboard.PressAsync("n");
        await Expect(page.Locator("#item-heading")).ToBeFocusedAsync();
        await Expect(page.Locator("#context")).ToContainTextAsync(Place);
        await PageChecks.AssertEveryControlIsLabelledAsync(page);

        // Select the words in the context as a coder would with the mouse, then press I.
        await page.EvaluateAsync("""
            words => {
              const context = document.getElementById('context');
              const walker = document.createTreeWalker(context, NodeFilter.SHOW_TEXT);
              for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.textContent.indexOf(words);
                if (at < 0) continue;
                const range = document.createRange();
                range.setStart(node, at);
                range.setEnd(node, at + words.length);
                getSelection().removeAllRanges();
                getSelection().addRange(range);
                return;
              }
              throw new Error('words not found');
            }
            """, Place);
        await page.Locator("#item-heading").FocusAsync();
        await page.Keyboard.PressAsync("i");
        var words = page.GetByLabel("Words to redact");
        await Expect(words).ToBeFocusedAsync();
        await Expect(words).ToHaveValueAsync(Place);
        await page.GetByLabel("Kind").SelectOptionAsync("Location");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as identifier" }).ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Marked as Location: 1 time(s) in this transcript");
        await Expect(words).ToHaveValueAsync("");
        await Expect(page.Locator("#item-heading")).ToBeFocusedAsync();

        // Words that are not in the transcript are refused in words.
        await words.FillAsync("Kevin Ashby");
        await page.GetByRole(AriaRole.Button, new() { Name = "Mark as identifier" }).ClickAsync();
        await Expect(page.Locator("#alert")).ToContainTextAsync("Not marked: The words are not in recording");

        // The list change started the study's de-identification batch: the place is hidden in this recording.
        var until = DateTime.UtcNow + Pipeline;
        string text;
        do
        {
            await Task.Delay(500);
            var deidentified = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"recordings/{recording}/transcript"), HttpStatusCode.OK);
            text = deidentified.ToString();
        }
        while (text.Contains(Place, StringComparison.Ordinal) && DateTime.UtcNow < until);
        Assert.DoesNotContain(Place, text);
        errors.AssertNone();
    }
}
