using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Storage;

namespace Workflow.Orchestrations.Learning;

/// <summary>
/// Retrains the learning coder in the background, so the next coding step of a study finds its
/// classifiers ready instead of training inside the step: for every study whose coding engine is
/// <c>learned</c>, the current codebook's decisions are read again and the classifiers retrained if
/// they changed (the engine's fingerprint check; unchanged decisions cost a read, not a training).
/// The local runner's hosted service and the Functions timer both call this one class.
/// </summary>
public sealed class LearningRetraining(StudyRepository studies, CodebookRepository codebooks, IEnumerable<ICodingLearner> learners,
    EngineSelection engines, IOptions<LearningRetrainingOptions> options, TimeProvider time, ILogger<LearningRetraining> log)
{
    private const string LearnedEngine = "learned";
    private DateTimeOffset? lastRun;

    /// <summary>The configured interval; zero or less means off.</summary>
    public TimeSpan Interval => options.Value.BackgroundInterval;

    /// <summary>On when an interval is set and the host offers the learning coder.</summary>
    public bool Enabled => Interval > TimeSpan.Zero && learners.Any();

    /// <summary>
    /// <see cref="RunOnceAsync"/> when <see cref="Interval"/> has passed since this process last ran it
    /// (the Functions timer ticks every minute, so the interval stays a setting rather than a CRON
    /// expression). Returns how many studies were retrained.
    /// </summary>
    public async Task<int> RunIfDueAsync(CancellationToken cancellationToken)
    {
        if (!Enabled) return 0;
        if (lastRun is { } last && time.GetUtcNow() - last < Interval) return 0;
        return await RunOnceAsync(cancellationToken);
    }

    /// <summary>One pass over the studies that code with the learner. A study that fails is logged (by id) and the others still run.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        lastRun = time.GetUtcNow();
        if (learners.FirstOrDefault() is not { } learner) return 0;
        var retrained = 0;
        foreach (var study in await studies.ListAsync(cancellationToken))
        {
            // A study without its own choice follows the host's default, which may be the learner too.
            if (!string.Equals(study.EngineSettings.Coding ?? engines.Defaults.Coding, LearnedEngine, StringComparison.OrdinalIgnoreCase)) continue;
            try
            {
                if (await codebooks.GetCurrentAsync(study.Id, cancellationToken) is not { } codebook) continue;
                if (await learner.RefreshAsync(codebook, cancellationToken)) retrained++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning("Background retraining of study {StudyId} failed ({Error}); it is tried again next time", study.Id, e.GetType().Name);
            }
        }
        return retrained;
    }
}
