using Workflow.Api.Handlers;
using Workflow.Domain.Deidentification;

namespace Workflow.Api.Tests.Handlers;

public class StudyHandlersTests
{
    [Theory]
    [InlineData("Dave Pickering")]
    [InlineData("dave pickering")]
    [InlineData("  DAVE   Pickering ")]
    [InlineData("Dave\tPickering")]
    public void StableId_SameKindAndTextInAnyCaseOrSpacing_GivesTheSameId(string text) =>
        Assert.Equal(
            StudyIdentifier.StableIdFor(IdentifierKind.Person, "Dave Pickering"),
            StudyIdentifier.StableIdFor(IdentifierKind.Person, text));

    [Fact]
    public void StableId_DifferentKind_GivesADifferentId() =>
        Assert.NotEqual(
            StudyIdentifier.StableIdFor(IdentifierKind.Person, "Hope"),
            StudyIdentifier.StableIdFor(IdentifierKind.Location, "Hope"));

    [Fact]
    public void StableId_DifferentText_GivesADifferentId() =>
        Assert.NotEqual(
            StudyIdentifier.StableIdFor(IdentifierKind.Person, "Dave Pickering"),
            StudyIdentifier.StableIdFor(IdentifierKind.Person, "Dave Pickerin"));

    [Fact]
    public void StableId_HasTheSidPrefixAndSixteenHexDigits()
    {
        var id = StudyIdentifier.StableIdFor(IdentifierKind.Organization, "Riverside Recovery Centre");

        Assert.Matches("^sid-[0-9a-f]{16}$", id);
        Assert.DoesNotContain("riverside", id, StringComparison.OrdinalIgnoreCase);
    }
}
