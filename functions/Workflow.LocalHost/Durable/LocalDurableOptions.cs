namespace Workflow.LocalHost.Durable;

/// <summary>
/// The local durable backend (configuration section <c>LocalDurable</c>): the Durable Task Azure
/// Storage provider on the <c>Storage:Durable</c> connection (Azurite by default), behind an in-process
/// gRPC sidecar on loopback.
/// </summary>
public sealed class LocalDurableOptions
{
    public const string SectionName = "LocalDurable";

    /// <summary>Task hub name; tests use their own so they never see the demo's orchestrations.</summary>
    public string TaskHubName { get; set; } = "qualitativeworkflow";

    /// <summary>Loopback port of the gRPC sidecar; 0 picks a free one.</summary>
    public int SidecarPort { get; set; }

    /// <summary>
    /// Stable worker id: after a restart the same worker re-acquires its partition leases at once
    /// instead of waiting for them to expire.
    /// </summary>
    public string WorkerId { get; set; } = Environment.MachineName + "-local-runner";

    /// <summary>How long a dequeued work item stays invisible; after a crash, that is how long until it runs again.</summary>
    public TimeSpan WorkItemVisibility { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long an orchestration's dequeued control-queue messages stay invisible; empty means
    /// <see cref="WorkItemVisibility"/>. Orchestration episodes are short replays, so this matters only
    /// when activities are given a very short visibility (the lock-renewal test), where a replay slowed by
    /// a loaded machine would otherwise outlive its own messages' visibility.
    /// </summary>
    public TimeSpan? ControlQueueVisibility { get; set; }

    /// <summary>Longest wait between queue polls when idle (the Azure default of 30 s makes a local demo sluggish).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Activities run at once; transcription is CPU-bound, so by default one per core.</summary>
    public int MaxConcurrentActivities { get; set; } = Environment.ProcessorCount;
}
