using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Learning;

namespace Workflow.Domain.Ports;

/// <summary>
/// The learning coder's classifiers as something to look at and keep fresh, apart from coding with
/// them: the route that shows a lead what is learnt and the background retraining use it.
/// </summary>
public interface ICodingLearner
{
    /// <summary>
    /// The report of the classifiers the next coding step will use for this codebook: the study's
    /// decisions are read now, and the classifiers (re)trained first if this process has none or the
    /// decisions changed.
    /// </summary>
    Task<LearningReport> ReportAsync(Codebook codebook, CancellationToken cancellationToken);

    /// <summary>Reads the study's decisions now and retrains if they changed since the last training; true when it trained.</summary>
    Task<bool> RefreshAsync(Codebook codebook, CancellationToken cancellationToken);
}
