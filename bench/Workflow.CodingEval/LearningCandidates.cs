using Workflow.Domain.Coding.Learning;

namespace Workflow.CodingEval;

/// <summary>The learning coder's candidate settings compared by <see cref="LearningDev"/>.</summary>
internal static class LearningCandidates
{
    public static IReadOnlyList<(string Name, ClassifierTraining Training)> All { get; } =
    [
        ("best so far, sparse x2", new ClassifierTraining(Threshold: ThresholdRule.BestKappa, Logistic: new LogisticTraining(L2: 1e-5, AverageFromEpoch: 5, StandardizeDense: true, SparseScale: 2))),
        ("best so far, L2 1e-6", new ClassifierTraining(Threshold: ThresholdRule.BestKappa, Logistic: new LogisticTraining(L2: 1e-6, AverageFromEpoch: 5, StandardizeDense: true))),
        ("best so far, 5 threshold folds", new ClassifierTraining(ThresholdFolds: 5, Threshold: ThresholdRule.BestKappa, Logistic: new LogisticTraining(L2: 1e-5, AverageFromEpoch: 5, StandardizeDense: true))),
    ];
}
