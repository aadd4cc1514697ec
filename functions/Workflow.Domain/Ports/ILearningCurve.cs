using Workflow.Domain.Coding.Learning;

namespace Workflow.Domain.Ports;

/// <summary>
/// Each study's learning curve: a point per training of its classifiers, kept beside the de-identified
/// data (counts and figures only). Bounded: only the newest <see cref="MaxPoints"/> points are kept.
/// </summary>
public interface ILearningCurve
{
    /// <summary>Points kept per study; older ones are dropped as new ones come.</summary>
    public const int MaxPoints = 200;

    /// <summary>
    /// Adds the point of a training, once per <paramref name="fingerprint"/> (what was trained on): the
    /// same decisions trained again, by a restarted host or another instance, add nothing. True when added.
    /// </summary>
    Task<bool> AppendAsync(string studyId, string fingerprint, LearningCurvePoint point, CancellationToken cancellationToken);

    /// <summary>The study's points, oldest first.</summary>
    Task<IReadOnlyList<LearningCurvePoint>> ListAsync(string studyId, CancellationToken cancellationToken);
}
