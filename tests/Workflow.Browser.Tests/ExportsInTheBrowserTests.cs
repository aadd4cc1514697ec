using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// Exports on the lead page, in a real browser against the real runner: a lead downloads the verified
/// study de-identified; an identifiable export is refused on the page until it has a purpose (and, for
/// a participant's request, the participant), then asked for confirmation, and only then downloaded
/// with the names back; the throughput report and the agreement and throughput charts download too. Files and audit events are checked.
/// </summary>
[Collection(BrowserCollection.Name)]
public class ExportsInTheBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromSeconds(90);
    private const string Lead = "lead-exports";

    [Fact]
    public async Task ALeadDownloadsTheStudy_AndAnIdentifiableExportOnlyWithAPurposeAndAConfirmation()
    {
        var study = Azurite.UniqueStudyId("ui-export");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, Lead, "Lead");
        var recording = await fixture.Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await fixture.Api.WaitForStatusAsync(recording, Pipeline, "WaitingForVerification");
        await fixture.Api.DecideEverythingAsync(study);
        await fixture.Api.WaitForStatusAsync(recording, Pipeline, "Completed");

        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 }, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new PageErrors(page);
        await page.GotoAsync(fixture.AppUrl($"lead.html?study={study}"));
        await PageChecks.ActAsAsync(page, Lead, "Lead");
        await page.ReloadAsync();
        var section = page.Locator("#exports-section");
        await Expect(section).ToBeVisibleAsync();
        await PageChecks.AssertEveryControlIsLabelledAsync(page);

        // De-identified: the labels, not the names.
        await page.GetByLabel("Format").SelectOptionAsync("json");
        var plain = await DownloadAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Download export" }).ClickAsync());
        Assert.Equal($"{study}-export.json", plain.Name);
        Assert.Contains(recording, plain.Text);
        Assert.DoesNotContain("Penhale", plain.Text);

        // Identifiable: refused on the page until it has a purpose, then a participant for a participant's request.
        await page.GetByLabel("Identifiable: put the real words back behind the labels").CheckAsync();
        await Expect(page.Locator("#export-identifiable-fields")).ToBeVisibleAsync();
        await PageChecks.AssertEveryControlIsLabelledAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Download export" }).ClickAsync();
        await Expect(page.Locator("#alert")).ToContainTextAsync("Choose the purpose");
        await Expect(page.GetByLabel("Purpose")).ToBeFocusedAsync();
        await page.GetByLabel("Purpose").SelectOptionAsync("participant-request");
        await page.GetByRole(AriaRole.Button, new() { Name = "Download export" }).ClickAsync();
        await Expect(page.Locator("#alert")).ToContainTextAsync("needs their participant id");
        await Expect(page.GetByLabel("Requesting participant")).ToBeFocusedAsync();

        // With both, the lead is asked first; Cancel has the focus and Escape sends nothing.
        await page.GetByLabel("Requesting participant").FillAsync("P001");
        await page.GetByRole(AriaRole.Button, new() { Name = "Download export" }).ClickAsync();
        var confirm = page.GetByRole(AriaRole.Group, new() { Name = "Confirm the identifiable export" });
        await Expect(confirm).ToContainTextAsync("real names and places");
        await Expect(confirm.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        Assert.Single(await ExportedAsync(study));

        await page.GetByRole(AriaRole.Button, new() { Name = "Download export" }).ClickAsync();
        var identifiable = await DownloadAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Yes, download identifiable" }).ClickAsync());
        Assert.Equal($"{study}-IDENTIFIABLE-export.json", identifiable.Name);
        Assert.Contains("Stuart Penhale", identifiable.Text);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Download export" })).ToBeFocusedAsync();
        var exported = await ExportedAsync(study);
        Assert.Equal([("False", null, null), ("True", "participant-request", "P001")], exported);

        // The throughput report, from the same section.
        var throughput = await DownloadAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Pipeline throughput (CSV)" }).ClickAsync());
        Assert.Equal($"{study}-throughput.csv", throughput.Name);
        Assert.StartsWith("stage,passes,median_seconds", throughput.Text);
        // The charts for papers: every suggestion was decided, so agreement has something to draw.
        var throughputChart = await DownloadAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Throughput chart (PNG)" }).ClickAsync());
        var agreementChart = await DownloadAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Agreement chart (PNG)" }).ClickAsync());
        Assert.Equal([($"{study}-throughput.png", "PNG"), ($"{study}-agreement.png", "PNG")],
            new[] { throughputChart, agreementChart }.Select(d => (d.Name, d.Text.Substring(1, 3))));
        errors.AssertNone();
    }

    private async Task<(string Name, string Text)> DownloadAsync(IPage page, Func<Task> click)
    {
        var download = await page.RunAndWaitForDownloadAsync(click);
        var path = await download.PathAsync();
        output.WriteLine($"Downloaded {download.SuggestedFilename}");
        return (download.SuggestedFilename, await File.ReadAllTextAsync(path));
    }

    /// <summary>The study's Exported audit events: identifiable, purpose and participant of each.</summary>
    private async Task<List<(string?, string?, string?)>> ExportedAsync(string study)
    {
        var page = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/audit"), HttpStatusCode.OK);
        static string? Detail(JsonElement e, string key) => e.GetProperty("details").TryGetProperty(key, out var v) ? v.GetString() : null;
        return page.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "Exported")
            .Select(e => (Detail(e, "identifiable"), Detail(e, "purpose"), Detail(e, "participant"))).ToList();
    }
}
