using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Learning;

namespace Workflow.Domain.Tests.Coding.Learning;

public class LearningReportTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static TrainingExample Example(string text, params string[] codes)
    {
        var (indices, values) = LexicalFeatures.Of(text);
        return new TrainingExample(new FeatureVector([], indices, values), codes.ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>Ten segments about waiting (c-wait), ten about staff (c-staff); c-rare once; c-every on all of them.</summary>
    private static List<TrainingExample> Examples()
    {
        string[] waits = ["waiting list", "long wait", "waited months", "waiting for a bed", "still waiting", "the wait was hard",
            "waiting weeks", "waiting again", "no end to waiting", "waiting and waiting"];
        string[] staff = ["kind staff", "staff listened", "the nurse was good", "staff cared", "my worker helped", "staff were rude",
            "staff changed", "new staff", "staff shortage", "the doctor listened"];
        return [.. waits.Select(t => Example(t, "c-wait", "c-every")),
            .. staff.Select((t, i) => i == 0 ? Example(t, "c-staff", "c-rare", "c-every") : Example(t, "c-staff", "c-every"))];
    }

    private static readonly string[] Codes = ["c-wait", "c-staff", "c-rare", "c-every", "c-unused"];

    [Fact]
    public void EveryCode_IsListedWithItsExamples_AndTheCodesNotLearnt_SayWhichSideIsShort()
    {
        var training = ClassifierTraining.Default;
        var report = LearningReport.From("s1", 3, CodeClassifierTrainer.Train(Examples(), Codes, 0, training), training, At);

        Assert.Equal(["c-every", "c-rare", "c-staff", "c-unused", "c-wait"], report.Codes.Select(c => c.CodeId));
        var byId = report.Codes.ToDictionary(c => c.CodeId);
        Assert.Equal((20, 0, false, NotLearntReason.TooFewNegatives), (byId["c-every"].Positives, byId["c-every"].Negatives, byId["c-every"].SwitchedOn, byId["c-every"].NotLearnt));
        Assert.Equal((1, 19, NotLearntReason.TooFewPositives), (byId["c-rare"].Positives, byId["c-rare"].Negatives, byId["c-rare"].NotLearnt));
        Assert.Equal((0, 20, NotLearntReason.TooFewPositives), (byId["c-unused"].Positives, byId["c-unused"].Negatives, byId["c-unused"].NotLearnt));
        Assert.Null(byId["c-rare"].Kappa);
        Assert.Null(byId["c-rare"].Threshold);
        Assert.Equal((10, 10, true, NotLearntReason.None), (byId["c-wait"].Positives, byId["c-wait"].Negatives, byId["c-wait"].SwitchedOn, byId["c-wait"].NotLearnt));
        Assert.Equal((8, 8), (report.MinPositives, report.MinNegatives));
    }

    [Fact]
    public void ACodeShortOnBothSides_SaysSo()
    {
        var training = new ClassifierTraining(MinPositives: 15, MinNegatives: 15);
        var report = LearningReport.From("s1", 1, CodeClassifierTrainer.Train(Examples(), ["c-wait"], 0, training), training, At);

        Assert.Equal(NotLearntReason.TooFewPositivesAndNegatives, Assert.Single(report.Codes).NotLearnt);
        Assert.Equal(0, report.Point.CodesSwitchedOn);
        Assert.Null(report.Point.MeanKappa);
    }

    [Fact]
    public void TheFigures_AreTheTrainingsOwnOutOfFoldTable_AtTheChosenThreshold()
    {
        var training = ClassifierTraining.Default;
        var classifiers = CodeClassifierTrainer.Train(Examples(), Codes, 0, training);
        var report = LearningReport.From("s1", 3, classifiers, training, At);

        foreach (var code in new[] { "c-wait", "c-staff" })
        {
            var table = classifiers.ByCode[code].OutOfFold;
            // Every example is scored exactly once, by a model that did not see it.
            Assert.Equal(20, table.Total);
            Assert.Equal(10, table.ReferencePositives);
            var row = report.Codes.Single(c => c.CodeId == code);
            Assert.Equal(Math.Round(table.Kappa!.Value, 4), row.Kappa);
            Assert.Equal(Math.Round(table.F1!.Value, 4), row.F1);
            Assert.Equal(Math.Round(classifiers.ByCode[code].Threshold, 4), row.Threshold);
            // The two topics share no words, so the held-out calls should mostly be right.
            Assert.True(row.Kappa > 0.6, $"{code}: out-of-fold kappa {row.Kappa}");
        }
    }

    [Fact]
    public void TheStudyPoint_CountsExamplesAndCodes_AndAveragesKappaOverTheSwitchedOnCodesOnly()
    {
        var training = ClassifierTraining.Default;
        var report = LearningReport.From("s1", 3, CodeClassifierTrainer.Train(Examples(), Codes, 0, training), training, At);

        var on = report.Codes.Where(c => c.SwitchedOn).ToList();
        Assert.Equal(new LearningCurvePoint(At, 3, 20, 2, 5, Math.Round(on.Average(c => c.Kappa!.Value), 4)), report.Point);
    }

    [Fact]
    public void CountsAt_CallsPositiveAtOrAboveTheThreshold()
    {
        var counts = CodeClassifierTrainer.CountsAt([(0.9, true), (0.5, false), (0.4, true), (0.1, false)], 0.5);

        Assert.Equal(new AgreementCounts(TruePositives: 1, FalsePositives: 1, FalseNegatives: 1, TrueNegatives: 1), counts);
    }
}
