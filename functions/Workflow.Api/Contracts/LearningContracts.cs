using Workflow.Domain.Coding.Learning;

namespace Workflow.Api.Contracts;

/// <summary>
/// Response of <c>GET /api/studies/{studyId}/learning</c>: what the learning coder has learnt for the
/// study's current codebook (<see cref="Current"/> and <see cref="Codes"/>; empty when there is
/// nothing to learn from or the host does not offer the learner, <see cref="Basis"/> says which), and
/// the study's learning curve, a point per training, oldest first.
/// </summary>
public sealed record LearningResponse(string StudyId, int? CodebookVersion, bool StudyUsesLearner, bool Available, string Basis,
    int MinPositives, int MinNegatives, LearningCurvePoint? Current, IReadOnlyList<LearningCodeRow> Codes, IReadOnlyList<LearningCurvePoint> Curve);

/// <summary>One code: its examples, whether its classifier is on (or which side is short), and its out-of-fold figures at its threshold.</summary>
public sealed record LearningCodeRow(string CodeId, string? Name, int Positives, int Negatives, bool SwitchedOn, NotLearntReason NotLearnt,
    double? Threshold, double? Precision, double? Recall, double? F1, double? Kappa)
{
    public static LearningCodeRow From(CodeLearning c, string? name) =>
        new(c.CodeId, name, c.Positives, c.Negatives, c.SwitchedOn, c.NotLearnt, c.Threshold, c.Precision, c.Recall, c.F1, c.Kappa);
}
