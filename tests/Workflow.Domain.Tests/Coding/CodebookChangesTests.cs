using Workflow.Domain.Coding;

namespace Workflow.Domain.Tests.Coding;

public class CodebookChangesTests
{
    private static readonly CodebookEntry Theme = new("t-access", null, 1, "Access", "Getting into services.");
    private static readonly CodebookEntry Waiting = new("c-waiting", "t-access", 2, "Waiting lists", "Waiting for treatment.", Keywords: ["waiting list"]);
    private static readonly CodebookEntry Stigma = new("c-stigma", "t-access", 2, "Stigma", "Being judged.");

    private static Codebook Version(int v, params CodebookEntry[] codes) => new("s", v, "Codebook", codes, DateTimeOffset.UnixEpoch);

    [Fact]
    public void Between_IdenticalCodebooks_ChangesNothing() =>
        Assert.Empty(CodebookChanges.Between(Version(1, Theme, Waiting, Stigma), Version(2, Theme, Waiting, Stigma)));

    [Fact]
    public void Between_FindsAddedRemovedAndEditedCodes_ButNotUntouchedOnes()
    {
        var added = new CodebookEntry("c-housing", "t-access", 2, "Housing", "Where people live.");
        var keywordChanged = Waiting with { Keywords = ["waiting list", "queue"] };

        var changed = CodebookChanges.Between(Version(1, Theme, Waiting, Stigma), Version(2, Theme, keywordChanged, added));

        Assert.Equal(["c-housing", "c-stigma", "c-waiting"], changed.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("name")]
    [InlineData("definition")]
    [InlineData("inclusion")]
    [InlineData("exclusion")]
    [InlineData("examples")]
    [InlineData("parent")]
    public void Between_AnyChangeOfMeaning_CountsAsAChange(string field)
    {
        var edited = field switch
        {
            "name" => Stigma with { Name = "Stigma and shame" },
            "definition" => Stigma with { Definition = "Being judged by others." },
            "inclusion" => Stigma with { InclusionCriteria = "Felt judged." },
            "exclusion" => Stigma with { ExclusionCriteria = "Self-stigma." },
            "examples" => Stigma with { Examples = ["they look at you"] },
            _ => Stigma with { Parent = "t-other" },
        };

        Assert.Equal(["c-stigma"], CodebookChanges.Between(Version(1, Theme, Stigma), Version(2, Theme, edited)));
    }
}
