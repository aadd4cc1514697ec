using Workflow.Domain.Ports;
using Xunit;

namespace Workflow.Domain.Tests.Ports;

public sealed class EngineVersionTests
{
    [Theory]
    [InlineData("1.0.0+e0c5ea2d3a748b463d760fc68cda1550e22fb0df", "1.0.0+e0c5ea2d3a74")]
    [InlineData("2.1.0-beta.3+0123456789abcdef", "2.1.0-beta.3+0123456789ab")]
    [InlineData("1.0.0+abc", "1.0.0+abc")]
    [InlineData("1.0.0", "1.0.0")]
    public void Shorten_KeepsTheVersionAndTwelveDigitsOfTheCommit(string informational, string expected) =>
        Assert.Equal(expected, EngineVersion.Shorten(informational));

    [Fact]
    public void Of_ReadsTheBuildOfTheEnginesAssembly_AndEveryTypeOfOneAssemblyShares_It()
    {
        var version = EngineVersion.Of(typeof(EngineVersion));
        // This repository's builds stamp the commit, so the version ties an artefact to its code.
        Assert.Matches(@"^\d+\.\d+\.\d+.*\+[0-9a-f]{12}$", version);
        Assert.Equal(version, EngineVersion.Of(typeof(ICodingEngine)));
        Assert.NotEqual(version, EngineVersion.Of(typeof(object)));
    }
}
