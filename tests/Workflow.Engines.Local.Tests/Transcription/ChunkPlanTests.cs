using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

public class ChunkPlanTests
{
    [Fact]
    public void From_GivesEachChunkAfterTheFirstItsLeadIn_NeverReachingBackPastThePreviousCut()
    {
        var plan = ChunkPlan.From(78, [0, 160_000, 170_000, 480_000], leadInSamples: 80_000);

        Assert.Equal([new ChunkSpan(0, 0, 160_000), new ChunkSpan(80_000, 160_000, 170_000), new ChunkSpan(160_000, 170_000, 480_000)], plan.Chunks);
        Assert.Equal(30.0, plan.DurationSeconds);
        var second = plan.Chunks[1].At("c.wav");
        Assert.Equal((5.0, 5.625, 5.0, 10.0), (second.OffsetSeconds, second.DurationSeconds, second.LeadInSeconds, second.OwnStartSeconds));
    }

    [Fact]
    public void ThePlan_SurvivesItsJson()
    {
        var plan = ChunkPlan.From(44, [0, 1000, 2000], 100);

        var read = ChunkPlan.FromJson(plan.ToJson());

        Assert.Equal((plan.DataOffset, plan.TotalSamples), (read.DataOffset, read.TotalSamples));
        Assert.Equal(plan.Chunks, read.Chunks);
    }

    [Theory]
    [InlineData(new long[] { 1000 })]
    [InlineData(new long[] { 5, 1000 })]
    public void CutsThatDoNotRunFromTheStartToTheEnd_AreRefused(long[] cuts) =>
        Assert.Throws<ArgumentException>(() => ChunkPlan.From(44, cuts, 0));
}
