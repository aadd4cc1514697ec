using System.ClientModel.Primitives;

namespace Workflow.Engines.Azure.OpenAI;

/// <summary>
/// The SDK's retry of throttled (429) and failed (408, 5xx) requests, which honours Retry-After, with
/// a bounded number of retries and no wait longer than the configured one, like the other Azure engines.
/// </summary>
internal sealed class BoundedRetryPolicy(int maxRetries, TimeSpan maxDelay) : ClientRetryPolicy(Math.Max(0, maxRetries))
{
    protected override TimeSpan GetNextDelay(PipelineMessage message, int tryCount)
    {
        var delay = base.GetNextDelay(message, tryCount);
        return delay > maxDelay ? maxDelay : delay;
    }
}
