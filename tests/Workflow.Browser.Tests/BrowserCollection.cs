namespace Workflow.Browser.Tests;

/// <summary>
/// The browser test classes share one runner and one Chromium (and run one after the other), so a
/// second class costs its own steps only, not another runner start-up on a loaded machine.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
