using System.Net;
using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// On the coder page, an item of an audio recording shows its turn's speaker and time, and P plays
/// that turn from the de-identified recording (fetched through the API with the page's sign-in); K
/// then skips the item to the back of the queue and claims the next.
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
        errors.AssertNone();
    }

    private sealed class PlayerState
    {
        public string Src { get; set; } = "";
        public double Duration { get; set; }
        public bool Paused { get; set; }
    }
}
