using System.Net;
using System.Text.Json.Nodes;
using Workflow.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// A lead saves a second codebook version (one code reworded, one dropped, one new); the lead page
/// lists both versions, newest first, with what the second changed, and the route says the same.
/// </summary>
[Collection(BrowserCollection.Name)]
public class CodebookVersionsInTheBrowserTests(BrowserFixture fixture)
{
    private const string Lead = "lead-versions";

    [Fact]
    public async Task TheLeadPage_ListsEveryCodebookVersion_WithWhatItAddedRemovedAndChanged()
    {
        var study = Azurite.UniqueStudyId("ui-versions");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, Lead, "Lead");
        var codebook = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryPaths.Sample("codebook.json")))!;
        var codes = codebook["codes"]!.AsArray();
        codes.Single(c => c!["id"]!.GetValue<string>() == "why_rights")!["definition"] = "Participation as a right of people who use services, reworded.";
        codes.Remove(codes.Single(c => c!["id"]!.GetValue<string>() == "why_required"));
        codes.Add(new JsonObject { ["id"] = "why_peer_support", ["parent"] = "why", ["level"] = 2, ["name"] = "Peer support", ["definition"] = "Taking part to support others in treatment." });
        await ApiClient.EnsureAsync(await fixture.Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/codebook", codebook.ToJsonString()), HttpStatusCode.OK);

        var history = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/codebook/versions"), HttpStatusCode.OK);
        Assert.Equal(2, history.GetProperty("current").GetInt32());
        var latest = history.GetProperty("versions")[0];
        Assert.Equal(["why_peer_support"], latest.GetProperty("added").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["why_required"], latest.GetProperty("removed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["why_rights"], latest.GetProperty("changed").EnumerateArray().Select(e => e.GetString()));

        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new PageErrors(page);
        await page.GotoAsync(fixture.AppUrl($"lead.html?study={study}"));
        await PageChecks.ActAsAsync(page, Lead, "Lead");
        await page.ReloadAsync();

        var rows = page.Locator("#codebook-versions tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Nth(0).Locator("th")).ToHaveTextAsync("2 (in use)");
        await Expect(rows.Nth(0).Locator("td").Nth(3)).ToHaveTextAsync("why_peer_support");
        await Expect(rows.Nth(0).Locator("td").Nth(4)).ToHaveTextAsync("why_required");
        await Expect(rows.Nth(0).Locator("td").Nth(5)).ToHaveTextAsync("why_rights");
        await Expect(rows.Nth(1).Locator("th")).ToHaveTextAsync("1");
        await Expect(rows.Nth(1).Locator("td").Nth(4)).ToHaveTextAsync("–");
        await PageChecks.AssertEveryControlIsLabelledAsync(page);
        errors.AssertNone();
    }
}
