using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>What every page must do (labels, landmarks, one live status region) and acting as another user.</summary>
internal static class PageChecks
{
    /// <summary>Every form control has a name a screen reader announces (a label, aria-label or aria-labelledby).</summary>
    public static async Task AssertEveryControlIsLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<JsonElement>(
            "() => [...document.querySelectorAll('input, select, textarea, button')].filter(c => !(c.labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || (c.tagName === 'BUTTON' && c.textContent.trim()))).map(c => c.id || c.name || c.outerHTML.slice(0, 60))");
        Assert.True(unlabelled.GetArrayLength() == 0, $"Unlabelled controls on {page.Url}: {unlabelled}");
        Assert.Equal(1, await page.Locator("main").CountAsync());
        Assert.Equal(1, await page.Locator("nav[aria-label=Main]").CountAsync());
        Assert.Equal(1, await page.Locator("[aria-live=polite]").CountAsync());
    }

    /// <summary>Development auth mode only: the "act as" form chooses X-Dev-User / X-Dev-Roles for every call.</summary>
    public static async Task ActAsAsync(IPage page, string user, string role)
    {
        // Within the form: a page may have role checkboxes of its own (the members page does).
        var form = page.Locator("#act-as");
        await form.GetByLabel("Act as (development)").FillAsync(user);
        foreach (var other in new[] { "Interviewer", "Coder", "Lead", "Admin" }.Where(r => r != role)) await form.GetByRole(AriaRole.Checkbox, new() { Name = other }).UncheckAsync();
        await form.GetByRole(AriaRole.Checkbox, new() { Name = role }).CheckAsync();
        await form.GetByRole(AriaRole.Button, new() { Name = "Switch user" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#who")).ToHaveTextAsync($"Signed in as {user} ({role})");
    }
}
