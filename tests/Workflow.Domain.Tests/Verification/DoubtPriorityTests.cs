using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Verification;

public class DoubtPriorityTests
{
    [Theory]
    [InlineData(0.5, 90)]
    [InlineData(0.45, 91)]
    [InlineData(0.7, 94)]
    [InlineData(0.3, 94)]
    [InlineData(0.95, 99)]
    [InlineData(1.0, 100)]
    [InlineData(0.0, 100)]
    [InlineData(7.0, 100)] // out of range reads as certain, not as an error
    [InlineData(double.NaN, 90)] // no usable confidence: as doubtful as can be
    public void ConfidenceNearACoinToss_ComesFirst(double confidence, int priority) => Assert.Equal(priority, DoubtPriority.Of(confidence));

    [Fact]
    public void EveryPriority_IsWithinTheQueuesRange_AndLowerMeansSooner()
    {
        var priorities = Enumerable.Range(0, 101).Select(i => DoubtPriority.Of(i / 100d)).ToList();
        Assert.All(priorities, p => Assert.InRange(p, DoubtPriority.MostDoubtful, VerificationItem.DefaultPriority));
        Assert.True(DoubtPriority.Of(0.55) < DoubtPriority.Of(0.8));
    }
}
