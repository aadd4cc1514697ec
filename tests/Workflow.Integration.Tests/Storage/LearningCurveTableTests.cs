using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Coding.Learning;
using Workflow.Domain.Ports;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.Storage;

/// <summary>The learning curve in real table storage (Azurite): one point per training fingerprint, oldest first, bounded.</summary>
public class LearningCurveTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static LearningCurvePoint Point(int minutes, int examples) => new(T0.AddMinutes(minutes), 1, examples, examples / 10, 12, 0.5 + examples / 10_000.0);

    [Fact]
    public async Task TheSameTrainingTwice_AddsOnePoint_AndPointsComeBackOldestFirst_PerStudy()
    {
        var curve = (await Azurite.StoresAsync()).Services.GetRequiredService<ILearningCurve>();
        var study = Azurite.UniqueStudyId("curve");
        var other = Azurite.UniqueStudyId("curve");

        Assert.True(await curve.AppendAsync(study, "v1-BBB", Point(5, 40), default));
        Assert.True(await curve.AppendAsync(study, "v1-AAA", Point(1, 20), default));
        Assert.False(await curve.AppendAsync(study, "v1-BBB", Point(9, 40), default));
        Assert.True(await curve.AppendAsync(other, "v1-AAA", Point(2, 30), default));

        Assert.Equal([Point(1, 20), Point(5, 40)], await curve.ListAsync(study, default));
        Assert.Equal([Point(2, 30)], await curve.ListAsync(other, default));
        Assert.Empty(await curve.ListAsync(Azurite.UniqueStudyId("curve"), default));
    }

    [Fact]
    public async Task OnlyTheNewestPoints_AreKept()
    {
        var curve = (await Azurite.StoresAsync()).Services.GetRequiredService<ILearningCurve>();
        var study = Azurite.UniqueStudyId("curve");

        for (var i = 0; i < ILearningCurve.MaxPoints + 3; i++)
            await curve.AppendAsync(study, $"v1-{i:D4}", Point(i, i), default);

        var kept = await curve.ListAsync(study, default);
        Assert.Equal(ILearningCurve.MaxPoints, kept.Count);
        Assert.Equal(3, kept[0].Examples);
        Assert.Equal(ILearningCurve.MaxPoints + 2, kept[^1].Examples);
    }
}
