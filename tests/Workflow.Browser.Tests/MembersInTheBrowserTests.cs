using System.Net;
using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// A study's team on the members page, by keyboard: a lead (not an administrator) adds a coder, gives
/// them a second role, is refused in words when trying to make them a lead, and removes them after
/// confirming; an administrator then makes someone a lead. Each change is checked through the API,
/// and by what the member can then do (a non-member's queue claim is a 404).
/// </summary>
[Collection(BrowserCollection.Name)]
public class MembersInTheBrowserTests(BrowserFixture fixture, ITestOutputHelper output)
{
    private const string Lead = "lead-members";
    private const string Coder = "coder-members";

    [Fact]
    public async Task ALeadAddsChangesAndRemovesACoder_ANonAdminIsRefusedALead_AndAnAdminMakesOne()
    {
        var study = Azurite.UniqueStudyId("ui-members");
        await fixture.Api.CreateStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, Lead, "Lead");
        await using var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        var errors = new PageErrors(page);

        await page.GotoAsync(fixture.AppUrl($"members.html?study={study}"));
        await PageChecks.ActAsAsync(page, Lead, "Lead");
        await page.ReloadAsync();
        await Expect(page.Locator($"tr[data-member='{Lead}']")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await ClaimAsync(study, Coder)).StatusCode);

        var add = page.Locator("#add-member");
        await Expect(add.GetByRole(AriaRole.Checkbox, new() { Name = "Lead" })).ToBeDisabledAsync();
        await PressAsync(page, add.GetByRole(AriaRole.Button, new() { Name = "Add member" }), "Enter");
        await Expect(page.Locator("#alert")).ToHaveTextAsync("Give the id the person signs in with.");
        await Expect(page.Locator("#new-user")).ToBeFocusedAsync();
        await AddAsync(page, "Darren Smith", "Coder");
        await Expect(page.Locator("#alert")).ToContainTextAsync("must be a sign-in id");
        await AddAsync(page, Coder, "Coder");
        await Expect(page.Locator("#status")).ToHaveTextAsync($"Added {Coder} as Coder.");
        await Expect(page.Locator("#alert")).ToBeEmptyAsync();
        await Expect(page.Locator("#new-user")).ToBeFocusedAsync();
        var row = page.Locator($"tr[data-member='{Coder}']");
        await Expect(row).ToHaveAttributeAsync("data-roles", "Coder");
        Assert.Equal(["Coder"], await RolesAsync(study, Coder));
        Assert.Equal(HttpStatusCode.NoContent, (await ClaimAsync(study, Coder)).StatusCode);
        await PageChecks.AssertEveryControlIsLabelledAsync(page);
        // Adding someone already on the team would replace their roles: the page says so instead.
        await AddAsync(page, Coder, "Interviewer");
        await Expect(page.Locator("#alert")).ToHaveTextAsync($"{Coder} is already a member; change their roles on their row.");
        Assert.Equal(["Coder"], await RolesAsync(study, Coder));

        // A second role, ticked with the space bar and saved with Enter.
        await row.GetByRole(AriaRole.Checkbox, new() { Name = "Interviewer" }).FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await PressAsync(page, row.GetByRole(AriaRole.Button, new() { Name = $"Save roles of {Coder}" }), "Enter");
        await Expect(page.Locator("#status")).ToHaveTextAsync($"Saved: {Coder} is now Interviewer, Coder.");
        await Expect(row).ToHaveAttributeAsync("data-roles", "Interviewer,Coder");
        Assert.Equal(["Coder", "Interviewer"], (await RolesAsync(study, Coder)).Order());
        await ScreenshotAsync(page, "8-members");

        // Lead is an administrator's to give: the box is disabled, and a request that gets past it anyway is refused by the API, in words.
        var leadBox = row.GetByRole(AriaRole.Checkbox, new() { Name = "Lead" });
        await Expect(leadBox).ToBeDisabledAsync();
        await leadBox.EvaluateAsync("box => { box.disabled = false; }");
        await leadBox.CheckAsync();
        var refusal = page.WaitForResponseAsync(r => r.Request.Method == "PUT" && r.Url.EndsWith($"/members/{Coder}", StringComparison.Ordinal));
        await PressAsync(page, row.GetByRole(AriaRole.Button, new() { Name = $"Save roles of {Coder}" }), "Enter");
        Assert.Equal(403, (await refusal).Status);
        await Expect(page.Locator("#alert")).ToHaveTextAsync("Only an administrator can make someone a lead.");
        Assert.Equal(["Coder", "Interviewer"], (await RolesAsync(study, Coder)).Order());
        await ScreenshotAsync(page, "9-members-refused");

        // Removal asks first; Escape keeps the member, confirming removes them.
        await page.ReloadAsync();
        row = page.Locator($"tr[data-member='{Coder}']");
        var remove = row.GetByRole(AriaRole.Button, new() { Name = $"Remove {Coder}" });
        await PressAsync(page, remove, "Enter");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Escape");
        await Expect(remove).ToBeFocusedAsync();
        Assert.NotEmpty(await RolesAsync(study, Coder));
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.PressAsync("Shift+Tab");
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = $"Yes, remove {Coder}" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#status")).ToHaveTextAsync($"{Coder} was removed from the study.");
        await Expect(row).ToHaveCountAsync(0);
        Assert.Empty(await RolesAsync(study, Coder));
        Assert.Equal(HttpStatusCode.NotFound, (await ClaimAsync(study, Coder)).StatusCode);
        // A lead's own row cannot be removed by a lead.
        await Expect(page.Locator($"tr[data-member='{Lead}']").GetByRole(AriaRole.Button, new() { Name = $"Remove {Lead}" })).ToBeDisabledAsync();

        // An administrator may make a lead.
        await PageChecks.ActAsAsync(page, "local-developer", "Admin");
        await page.ReloadAsync();
        await Expect(add.GetByRole(AriaRole.Checkbox, new() { Name = "Lead" })).ToBeEnabledAsync();
        await AddAsync(page, "lead-second", "Lead");
        await Expect(page.Locator("#status")).ToHaveTextAsync("Added lead-second as Lead.");
        Assert.Equal(["Lead"], await RolesAsync(study, "lead-second"));

        errors.AssertNone();
        output.WriteLine($"Screenshots: {BrowserFixture.ScreenshotFolder}");
    }

    /// <summary>Fills the add form and submits it with Enter from the button, as a keyboard user does.</summary>
    private static async Task AddAsync(IPage page, string userId, string role)
    {
        var add = page.Locator("#add-member");
        await add.GetByLabel("User id").FillAsync(userId);
        await add.GetByRole(AriaRole.Checkbox, new() { Name = role }).FocusAsync();
        if (!await add.GetByRole(AriaRole.Checkbox, new() { Name = role }).IsCheckedAsync()) await page.Keyboard.PressAsync("Space");
        await PressAsync(page, add.GetByRole(AriaRole.Button, new() { Name = "Add member" }), "Enter");
    }

    private static async Task PressAsync(IPage page, ILocator control, string key)
    {
        await control.FocusAsync();
        await page.Keyboard.PressAsync(key);
    }

    /// <summary>The member's roles as the API holds them (asked as the administrator); none when they are not a member (a membership always has a role).</summary>
    private async Task<string[]> RolesAsync(string study, string userId)
    {
        var list = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/members"), HttpStatusCode.OK);
        return list.GetProperty("members").EnumerateArray()
            .Where(m => m.GetProperty("userId").GetString() == userId)
            .Select(m => m.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray())
            .FirstOrDefault() ?? [];
    }

    private Task<HttpResponseMessage> ClaimAsync(string study, string user) =>
        fixture.Api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/queue/claim", "", user, "Coder");

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(BrowserFixture.ScreenshotFolder, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        output.WriteLine("Screenshot: " + path);
    }
}
