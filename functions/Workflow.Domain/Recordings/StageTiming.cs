namespace Workflow.Domain.Recordings;

/// <summary>
/// One pass of a recording through a stage: when it entered, and when it left (null while it is there).
/// A batch re-run adds passes; <see cref="StageTimings"/> keeps the most recent ones.
/// </summary>
public sealed record StageTiming(PipelineStage Stage, DateTimeOffset StartedAt, DateTimeOffset? EndedAt = null)
{
    /// <summary>How long the pass took, once it has ended.</summary>
    public TimeSpan? Duration => EndedAt - StartedAt;
}

/// <summary>
/// Keeps a recording's stage passes as its stage changes. Pure, and idempotent as the stage update
/// must be: setting the stage it is already in changes nothing, so a retried activity adds no pass.
/// </summary>
public static class StageTimings
{
    /// <summary>Passes kept per recording; older ones are dropped so the status row stays small however often it is re-run.</summary>
    public const int MaxPasses = 48;

    /// <summary>
    /// The passes after the recording moves to <paramref name="stage"/> with <paramref name="status"/>
    /// at <paramref name="now"/>. The first change also records the wait since upload as a
    /// <see cref="PipelineStage.Received"/> pass. Failing, completing or being deleted ends the open pass
    /// and opens none.
    /// </summary>
    public static IReadOnlyList<StageTiming> Advance(IReadOnlyList<StageTiming>? passes, DateTimeOffset createdAt, PipelineStage stage, RecordingStatus status, DateTimeOffset now)
    {
        var list = passes is { Count: > 0 } ? passes.ToList() : [new StageTiming(PipelineStage.Received, createdAt)];
        var open = list[^1].EndedAt is null ? list[^1] : null;
        var ends = status is RecordingStatus.Failed or RecordingStatus.Completed or RecordingStatus.Deleting || stage == PipelineStage.Completed;
        if (open is not null && open.Stage == stage && !ends) return passes ?? list;
        if (open is not null) list[^1] = open with { EndedAt = Max(open.StartedAt, now) };
        if (!ends) list.Add(new StageTiming(stage, now));
        return list.Count > MaxPasses ? list[^MaxPasses..] : list;
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
