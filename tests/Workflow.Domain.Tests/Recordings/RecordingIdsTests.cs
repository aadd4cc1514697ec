using Workflow.Domain.Recordings;

namespace Workflow.Domain.Tests.Recordings;

public class RecordingIdsTests
{
    private const string Hash = "9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08";

    [Fact]
    public void For_SameStudyAndContent_GivesTheSameId() =>
        Assert.Equal(RecordingIds.For("study-a", Hash), RecordingIds.For("study-a", Hash));

    [Fact]
    public void For_HashInEitherCase_GivesTheSameId() =>
        Assert.Equal(RecordingIds.For("study-a", Hash), RecordingIds.For("study-a", Hash.ToLowerInvariant()));

    [Fact]
    public void For_SameContentInAnotherStudy_GivesADifferentId() =>
        Assert.NotEqual(RecordingIds.For("study-a", Hash), RecordingIds.For("study-b", Hash));

    [Fact]
    public void For_OtherContent_GivesADifferentId() =>
        Assert.NotEqual(RecordingIds.For("study-a", Hash), RecordingIds.For("study-a", Hash[..^1] + "9"));

    [Fact]
    public void For_Id_IsRecPrefixAndTwentyLowerCaseHexDigits()
    {
        var id = RecordingIds.For("study-a", Hash);

        Assert.Matches("^rec-[0-9a-f]{20}$", id);
        Assert.DoesNotContain(Hash[..20].ToLowerInvariant(), id);
    }
}
