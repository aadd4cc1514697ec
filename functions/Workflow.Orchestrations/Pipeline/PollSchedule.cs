namespace Workflow.Orchestrations.Pipeline;

/// <summary>
/// When a monitor looks at a job next: <c>first</c> doubling with each look up to <c>longest</c>, and
/// never sooner than the service's Retry-After (which a throttled or busy service sends).
/// </summary>
public static class PollSchedule
{
    public static TimeSpan Next(int attempt, TimeSpan first, TimeSpan longest, TimeSpan? retryAfter)
    {
        var backoff = first;
        for (var i = 0; i < attempt && backoff < longest; i++) backoff += backoff;
        if (backoff > longest) backoff = longest;
        return retryAfter is { } asked && asked > backoff ? asked : backoff;
    }
}
