using System.Globalization;
using System.Net;
using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// A study codes with the learning coder; coders decide one transcript (through the API, to keep the
/// test short); the lead page's "Learning coder" section then lists the codes learnt and not yet with
/// the route's counts and figures, and draws the curve's newest point, with no script errors.
/// </summary>
[Collection(BrowserCollection.Name)]
public class LearningInTheBrowserTests(BrowserFixture fixture)
{
    private const string Lead = "lead-learning";
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task TheLeadPage_ShowsWhichCodesAreLearnt_WithTheirFigures_AndTheCurve()
    {
        var study = Azurite.UniqueStudyId("ui-learn");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, Lead, "Lead");
        await ApiClient.EnsureAsync(await fixture.Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/engines", """{ "coding": "learned" }"""), HttpStatusCode.OK);
        var recording = await fixture.Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await fixture.Api.WaitForStatusAsync(recording, StageTimeout, "WaitingForVerification");
        await fixture.Api.DecideEverythingAsync(study);
        await fixture.Api.WaitForStatusAsync(recording, StageTimeout, "Completed");

        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1400 } });
        var page = await context.NewPageAsync();
        // The route may train first (the model loads on first use in the runner).
        page.SetDefaultTimeout(60_000);
        var errors = new PageErrors(page);
        await page.GotoAsync(fixture.AppUrl($"lead.html?study={study}"));
        await PageChecks.ActAsAsync(page, Lead, "Lead");
        await page.ReloadAsync();
        // The figures load when asked, not with the page (the route may train first).
        await Expect(page.Locator("#learning-table")).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the learning coder's figures" }).ClickAsync();
        // Assertions do not take the page's default timeout: give this one the route's time too.
        await Expect(page.Locator("#learning-table")).ToBeVisibleAsync(new() { Timeout = 60_000 });

        // The page shows the route's figures; the route is read after the page, so nothing trained in between.
        var learning = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/learning"), HttpStatusCode.OK);
        var current = learning.GetProperty("current");
        var examples = current.GetProperty("examples").GetInt32();
        var on = current.GetProperty("codesSwitchedOn").GetInt32();
        Assert.True(examples > 0 && on > 0, learning.GetRawText());
        await Expect(page.Locator("#learning")).ToContainTextAsync($"{examples} settled segments; {on} of {current.GetProperty("codes").GetInt32()} codes learnt");
        await Expect(page.Locator("#learning-rows tr[data-learnt='true']")).ToHaveCountAsync(on);
        foreach (var code in learning.GetProperty("codes").EnumerateArray())
        {
            var row = page.Locator($"#learning-rows tr[data-code='{code.GetProperty("codeId").GetString()}']");
            await Expect(row.Locator("td").Nth(0)).ToHaveTextAsync(code.GetProperty("positives").GetInt32().ToString(CultureInfo.InvariantCulture));
            await Expect(row.Locator("td").Nth(1)).ToHaveTextAsync(code.GetProperty("negatives").GetInt32().ToString(CultureInfo.InvariantCulture));
            if (code.GetProperty("switchedOn").GetBoolean())
            {
                await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("learnt");
                if (code.GetProperty("kappa").ValueKind == System.Text.Json.JsonValueKind.Number)
                    Assert.Equal(code.GetProperty("kappa").GetDouble(), double.Parse(await row.Locator("td").Nth(7).InnerTextAsync(), CultureInfo.InvariantCulture), 0.0006);
            }
            else await Expect(row.Locator("td").Nth(2)).ToContainTextAsync("not yet:");
        }

        var chart = page.Locator("#learning-chart svg");
        await Expect(chart).ToBeVisibleAsync();
        await Expect(chart.Locator($"circle[data-measure='codesSwitchedOn'][data-examples='{examples}']")).ToHaveAttributeAsync("data-value", on.ToString(CultureInfo.InvariantCulture));
        await page.ScreenshotAsync(new() { Path = Path.Combine(BrowserFixture.ScreenshotFolder, "lead-learning.png"), FullPage = true });
        errors.AssertNone();
    }
}
