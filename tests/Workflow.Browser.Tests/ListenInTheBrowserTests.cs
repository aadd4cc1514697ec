using System.Net;
using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// On the coder page, an item of an audio recording shows its turn's speaker and time, and P plays
/// that turn from the de-identified recording (fetched through the API with the page's sign-in); K
/// then skips the item to the back of the queue and claims the next. Transcript checks of the
/// recording: P plays only the passage, T corrects it (a name is stored as its label), C confirms.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ListenInTheBrowserTests(BrowserFixture fixture)
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(120);
    private const string Coder = "coder-listen-ui";

    [Fact]
    public async Task ACoderPressesP_AndHearsTheItemsTurn_FromTheDeidentifiedRecording_ThenSkipsItWithK()
    {
        var study = Azurite.UniqueStudyId("ui-listen");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, Coder, "Coder");
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "listen-" + study)).FullName;
        var script = Path.Combine(folder, "ages.txt");
        await File.WriteAllTextAsync(script, "I started using when I was fifteen years old.\nThe service helped me a lot.\nMy son is seven years old now and he lives with me.\n");
        var recording = await fixture.Api.UploadOkAsync(study, await SampleAudio.MakeAsync(folder, script));
        var (waiting, _) = await fixture.Api.WaitForStatusAsync(recording, Pipeline, "WaitingForVerification", "Failed");
        Assert.Equal("WaitingForVerification", waiting.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Api.GetAsync($"recordings/{recording}/audio")).StatusCode);

        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new PageErrors(page);
        await page.GotoAsync(fixture.AppUrl($"coder.html?study={study}"));
        await PageChecks.ActAsAsync(page, Coder, "Coder");
        await page.ReloadAsync();
        // Redaction checks first: the recogniser's doubtful passages (transcript checks, below) would
        // otherwise come first, each alone in its band of doubt, so a skipped one would be offered again at once.
        await page.GetByLabel("Item type").SelectOptionAsync("Redaction");
        await page.Locator("#claim").FocusAsync();
        await page.Keyboard.PressAsync("n");
        await Expect(page.Locator("#item-heading")).ToBeFocusedAsync();

        await Expect(page.Locator("#listen")).ToBeVisibleAsync();
        await Expect(page.Locator("dd[data-fact='Speaker']")).ToHaveTextAsync("Speaker 1");
        await Expect(page.Locator("dd[data-fact='Time']")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d+:\d\d to \d+:\d\d$"));
        await PageChecks.AssertEveryControlIsLabelledAsync(page);

        await page.Keyboard.PressAsync("p");
        await Expect(page.Locator("#status")).ToContainTextAsync("Playing from");
        var state = await page.EvaluateAsync<PlayerState>("""
            () => { const p = document.getElementById('player'); return { src: p.src, duration: p.duration, paused: p.paused }; }
            """);
        Assert.StartsWith("blob:", state.Src);
        Assert.InRange(state.Duration, waiting.GetProperty("durationSeconds").GetDouble() - 0.5, waiting.GetProperty("durationSeconds").GetDouble() + 0.5);
        Assert.False(state.Paused);

        // K skips the item for now: it goes to the back of the queue and another is claimed.
        var skippedId = await page.Locator("#item-panel").GetAttributeAsync("data-item");
        await page.Locator("#item-heading").FocusAsync();
        await page.Keyboard.PressAsync("k");
        await Expect(page.Locator("#status")).ToContainTextAsync("Skipped: that item waits at the back of the queue.");
        await Expect(page.Locator("#item-panel")).Not.ToHaveAttributeAsync("data-item", skippedId!);
        var skipped = await ApiClient.EnsureAsync(await fixture.Api.SendJsonAsync(HttpMethod.Post, $"queue/items/{skippedId}/skip", "", user: Coder, roles: "Coder"), HttpStatusCode.Conflict);
        Assert.Contains("do not hold a live claim", skipped.GetProperty("detail").GetString());

        // "Claim only": a recording with nothing waiting answers in words; redaction checks give one.
        await page.GetByLabel("Item type").SelectOptionAsync("Redaction");
        await page.GetByLabel("Recording id").FillAsync("rec-nothing-here");
        await page.Locator("#claim").ClickAsync();
        await Expect(page.Locator("#status")).ToContainTextAsync("Nothing waits that matches redaction checks, recording rec-nothing-here.");
        await Expect(page.Locator("#item-panel")).ToBeHiddenAsync();
        await page.GetByLabel("Recording id").FillAsync(recording);
        await page.Locator("#claim").ClickAsync();
        await Expect(page.Locator("#item-panel")).ToHaveAttributeAsync("data-kind", "Redaction");
        await PageChecks.AssertEveryControlIsLabelledAsync(page);
        // Given back with S once the claim has finished (the panel kept its kind while nothing was shown).
        await Expect(page.Locator("#status")).ToContainTextAsync("Check redaction");
        await page.Locator("#item-heading").FocusAsync();
        await page.Keyboard.PressAsync("s");
        await Expect(page.Locator("#status")).ToContainTextAsync("Released");

        await CorrectAndConfirmTranscriptChecksAsync(page, study, recording);
        await NameTheSpeakerOnTheDashboardAsync(page, study, recording);
        errors.AssertNone();
    }

    /// <summary>
    /// The dashboard's speaker control, by keyboard: a coder's attempt is refused in words; a lead names
    /// "Speaker 1" by the upload's participant id, and the API answers with the name.
    /// </summary>
    private async Task NameTheSpeakerOnTheDashboardAsync(IPage page, string study, string recording)
    {
        const string lead = "lead-listen-ui";
        await fixture.Api.AddMemberAsync(study, lead, "Lead");
        await page.GotoAsync(fixture.AppUrl($"dashboard.html?study={study}"));
        await Expect(page.Locator($"#speakers-recording option[value='{recording}']")).ToBeAttachedAsync();
        await page.GetByLabel("Recording", new() { Exact = true }).SelectOptionAsync(recording);
        await page.Locator("#speakers-load").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var name = page.GetByLabel("Name for Speaker 1");
        await Expect(name).ToBeFocusedAsync();
        await PageChecks.AssertEveryControlIsLabelledAsync(page);
        await name.SelectOptionAsync("P001");
        await page.Locator("#speakers-save").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#alert")).ToContainTextAsync("Not saved:"); // a coder may not name speakers

        await PageChecks.ActAsAsync(page, lead, "Lead");
        await page.ReloadAsync();
        await Expect(page.Locator($"#speakers-recording option[value='{recording}']")).ToBeAttachedAsync();
        await page.GetByLabel("Recording", new() { Exact = true }).SelectOptionAsync(recording);
        await page.Locator("#speakers-load").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(name).ToBeFocusedAsync();
        await name.SelectOptionAsync("P001");
        await page.Locator("#speakers-save").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToContainTextAsync("Saved: Speaker 1 is P001.");
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "dashboard-speakers.png"), FullPage = true });
        var speakers = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"recordings/{recording}/speakers"), HttpStatusCode.OK);
        Assert.Equal("P001", speakers.GetProperty("names").GetProperty("Speaker 1").GetString());
    }

    /// <summary>
    /// Transcript checks: P plays only the passage (it stops at the passage's end), T opens the labelled
    /// correction box, Enter saves a correction whose name is stored as its label, and C confirms the next.
    /// </summary>
    private async Task CorrectAndConfirmTranscriptChecksAsync(IPage page, string study, string recording)
    {
        await page.GetByLabel("Item type").SelectOptionAsync("TranscriptCheck");
        await page.Locator("#claim").FocusAsync();
        await page.Keyboard.PressAsync("n");
        await Expect(page.Locator("#item-panel")).ToHaveAttributeAsync("data-kind", "TranscriptCheck");
        await Expect(page.Locator("#item-heading")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Check the transcript from \d+:\d\d to \d+:\d\d$"));
        await Expect(page.Locator("#keymap")).ToContainTextAsync("T correct the text of a transcript check");
        await Expect(page.Locator("button[data-action='correct']")).ToHaveAttributeAsync("aria-keyshortcuts", "T");
        await Expect(page.Locator("#play-turn")).ToContainTextAsync("Play this passage");
        var checkId = (await page.Locator("#item-panel").GetAttributeAsync("data-item"))!;
        var passage = (await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/queue"), HttpStatusCode.OK)).GetProperty("pendingByKind");
        Assert.True(passage.GetProperty("TranscriptCheck").GetInt32() >= 1);

        await page.Keyboard.PressAsync("p");
        await Expect(page.Locator("#status")).ToContainTextAsync("Playing from");
        var item = (await (await Azurite.StoresAsync()).Verification.GetAsync(checkId, CancellationToken.None)).Item!;
        // Played from the passage's start and paused at its end (the player reports time in steps of about 0.25 s).
        await page.WaitForFunctionAsync("() => document.getElementById('player').paused", null, new() { Timeout = 20_000 });
        var at = await page.EvaluateAsync<double>("() => document.getElementById('player').currentTime");
        Assert.InRange(at, item.Passage!.EndSeconds - 0.05, item.Passage.EndSeconds + 0.6);

        await page.Locator("#item-heading").FocusAsync();
        await page.Keyboard.PressAsync("t");
        var box = page.GetByLabel("The passage as it was spoken");
        await Expect(box).ToBeFocusedAsync();
        await Expect(box).ToHaveValueAsync(item.Context);
        await PageChecks.AssertEveryControlIsLabelledAsync(page);
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.Locator("#item-heading")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("t");
        await box.FillAsync("and Stuart Penhale helped me a lot");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"#history tr[data-item='{checkId}'] td[data-decision]")).ToHaveAttributeAsync("data-decision", "correct");
        var stored = (await (await Azurite.StoresAsync()).Verification.GetAsync(checkId, CancellationToken.None)).Item!;
        Assert.Equal(Workflow.Domain.Verification.DecisionAction.Correct, stored.Decision!.Action);
        Assert.Matches(@"^and \[PERSON_\d+\] helped me a lot$", stored.Decision.CorrectedText);

        // The next check (claimed after the correction) is confirmed with C.
        await Expect(page.Locator("#item-panel")).Not.ToHaveAttributeAsync("data-item", checkId);
        await Expect(page.Locator("#item-panel")).ToHaveAttributeAsync("data-kind", "TranscriptCheck");
        await Expect(page.Locator("#item-heading")).ToBeFocusedAsync();
        var next = (await page.Locator("#item-panel").GetAttributeAsync("data-item"))!;
        await Expect(page.Locator("button[data-action='confirm']")).ToContainTextAsync("Confirm the text");
        await page.Keyboard.PressAsync("c");
        await Expect(page.Locator($"#history tr[data-item='{next}'] td[data-decision]")).ToHaveAttributeAsync("data-decision", "confirm");
        var confirmed = (await (await Azurite.StoresAsync()).Verification.GetAsync(next, CancellationToken.None)).Item!;
        Assert.Equal(Workflow.Domain.Verification.DecisionAction.Confirm, confirmed.Decision!.Action);
        Assert.Equal(recording, confirmed.RecordingId);

        // B changes that confirmation into a correction: the change form asks for the text, starting from the passage.
        await page.Keyboard.PressAsync("b");
        var action = page.GetByLabel("New decision", new() { Exact = true });
        await Expect(action).ToBeFocusedAsync();
        await action.SelectOptionAsync("correct");
        var revised = page.Locator("#revise-text");
        await Expect(revised).ToBeVisibleAsync();
        await Expect(revised).ToHaveValueAsync(confirmed.Context);
        await PageChecks.AssertEveryControlIsLabelledAsync(page);
        await revised.FillAsync("");
        await revised.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#alert")).ToContainTextAsync("Write the corrected text");
        await revised.FillAsync("I saw Stuart Penhale on Tuesday");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator($"#history tr[data-item='{next}'] td[data-decision]")).ToHaveAttributeAsync("data-decision", "correct");
        var changed = (await (await Azurite.StoresAsync()).Verification.GetAsync(next, CancellationToken.None)).Item!;
        Assert.Equal(Workflow.Domain.Verification.DecisionAction.Correct, changed.Decision!.Action);
        Assert.Matches(@"^I saw \[PERSON_\d+\] on Tuesday$", changed.Decision.CorrectedText);
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "coder-transcript-check.png"), FullPage = true });
    }

    private sealed class PlayerState
    {
        public string Src { get; set; } = "";
        public double Duration { get; set; }
        public bool Paused { get; set; }
    }
}
