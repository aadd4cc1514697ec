using Workflow.Domain.Coding.Learning;

namespace Workflow.CodingEval;

/// <summary>
/// The learning coder's candidate settings compared by <see cref="LearningDev"/> (inside the training
/// comments only): the settings before 2026-12-08, each change added in turn, and the ones that did not help.
/// </summary>
internal static class LearningCandidates
{
    private static readonly LogisticTraining Before = new(L2: 1e-4, StandardizeDense: false, AverageFromEpoch: 0);

    public static IReadOnlyList<(string Name, ClassifierTraining Training)> All { get; } =
    [
        ("before: F1 threshold, L2 1e-4, raw dense, every iterate averaged", new ClassifierTraining(Threshold: ThresholdRule.BestF1, Logistic: Before)),
        ("kappa threshold", new ClassifierTraining(Threshold: ThresholdRule.BestKappa, Logistic: Before)),
        ("kappa threshold, average from epoch 5", new ClassifierTraining(Threshold: ThresholdRule.BestKappa, Logistic: Before with { AverageFromEpoch = 5 })),
        ("+ standardised dense", new ClassifierTraining(Threshold: ThresholdRule.BestKappa, Logistic: Before with { AverageFromEpoch = 5, StandardizeDense = true })),
        ("+ L2 1e-5 (the default)", ClassifierTraining.Default),
        ("default, L2 1e-6", ClassifierTraining.Default with { Logistic = new LogisticTraining(L2: 1e-6) }),
        ("default, sparse features x2", ClassifierTraining.Default with { Logistic = new LogisticTraining(SparseScale: 2) }),
        ("default, 5 threshold folds", ClassifierTraining.Default with { ThresholdFolds = 5 }),
    ];
}
