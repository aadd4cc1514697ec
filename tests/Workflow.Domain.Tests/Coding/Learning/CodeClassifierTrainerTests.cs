using Workflow.Domain.Coding.Learning;

namespace Workflow.Domain.Tests.Coding.Learning;

public class CodeClassifierTrainerTests
{
    private static TrainingExample Example(string text, params string[] codes)
    {
        var (indices, values) = LexicalFeatures.Of(text);
        return new TrainingExample(new FeatureVector([], indices, values), codes.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Ten segments about waiting (c-wait), ten about staff (c-staff); c-rare is applied once.</summary>
    private static List<TrainingExample> Examples()
    {
        string[] waits = ["waiting list", "long wait", "waited months", "waiting for a bed", "still waiting", "the wait was hard",
            "waiting weeks", "waiting again", "no end to waiting", "waiting and waiting"];
        string[] staff = ["kind staff", "staff listened", "the nurse was good", "staff cared", "my worker helped", "staff were rude",
            "staff changed", "new staff", "staff shortage", "the doctor listened"];
        return [.. waits.Select(t => Example(t, "c-wait")), .. staff.Select((t, i) => i == 0 ? Example(t, "c-staff", "c-rare") : Example(t, "c-staff"))];
    }

    [Fact]
    public void ACode_IsSwitchedOn_OnlyWithEnoughPositiveAndNegativeExamples_AndTheOthersSayWhy()
    {
        var classifiers = CodeClassifierTrainer.Train(Examples(), ["c-wait", "c-staff", "c-rare", "c-unused"], denseDimensions: 0);

        Assert.Equal(20, classifiers.Examples);
        Assert.Equal(["c-staff", "c-wait"], classifiers.ByCode.Keys);
        Assert.Equal((10, 10), (classifiers.ByCode["c-wait"].Positives, classifiers.ByCode["c-wait"].Negatives));
        Assert.Equal("1 positive and 19 negative examples; needs 8 and 8", classifiers.Skipped["c-rare"]);
        Assert.StartsWith("0 positive", classifiers.Skipped["c-unused"]);
    }

    [Fact]
    public void TheLearntCodes_ApplyToSegmentsTheyDidNotSee()
    {
        var classifiers = CodeClassifierTrainer.Train(Examples(), ["c-wait", "c-staff"], denseDimensions: 0);
        var unseen = Example("we kept waiting").Features;

        Assert.True(classifiers.ByCode["c-wait"].Applies(unseen));
        Assert.False(classifiers.ByCode["c-staff"].Applies(unseen));
    }

    [Fact]
    public void TheThreshold_MaximisesF1_MidwayBetweenScores_PreferringFewerProposalsOnATie()
    {
        // Called positive at 0.9 and 0.8: one right, one wrong (F1 2/3); adding 0.7 makes it 2/3 right
        // of 2 positives (F1 0.8); adding 0.2 lowers it again.
        Assert.Equal(0.45, CodeClassifierTrainer.BestF1Threshold([(0.9, true), (0.8, false), (0.7, true), (0.2, false)]), 10);
        Assert.Equal(1, CodeClassifierTrainer.BestF1Threshold([(0.4, false), (0.3, false)]));
    }

    [Fact]
    public void TheKappaThreshold_CreditsAgreeingOnAbsence_WhereF1WouldCallMore()
    {
        // Calling four gets all three positives (F1 6/7, kappa 0.545); calling two gets two with no
        // false call (F1 0.8, kappa 0.615): kappa counts the fifth segment's agreed absence.
        (double, bool)[] scored = [(0.9, true), (0.8, true), (0.7, false), (0.6, true), (0.5, false)];

        Assert.Equal(0.55, CodeClassifierTrainer.BestF1Threshold(scored), 10);
        Assert.Equal(0.75, CodeClassifierTrainer.BestKappaThreshold(scored), 10);
        Assert.Equal(1, CodeClassifierTrainer.BestKappaThreshold([(0.4, false), (0.3, false)]));
    }

    [Fact]
    public void Training_GivesTheSameClassifiers_WhateverOrderTheCodesAreTrainedIn()
    {
        var a = CodeClassifierTrainer.Train(Examples(), ["c-wait", "c-staff"], denseDimensions: 0);
        var b = CodeClassifierTrainer.Train(Examples(), ["c-staff", "c-wait"], denseDimensions: 0, ClassifierTraining.Default with { MaxParallelCodes = 1 });

        foreach (var code in new[] { "c-wait", "c-staff" })
        {
            Assert.Equal(a.ByCode[code].Threshold, b.ByCode[code].Threshold);
            Assert.Equal(a.ByCode[code].Model.SparseWeights, b.ByCode[code].Model.SparseWeights);
            Assert.Equal(a.ByCode[code].OutOfFold, b.ByCode[code].OutOfFold);
        }
    }
}
