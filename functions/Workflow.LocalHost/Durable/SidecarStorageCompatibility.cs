using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.History;
using DurableTask.Core.Query;

namespace Workflow.LocalHost.Durable;

/// <summary>
/// Sits between the gRPC sidecar and the Azure Storage provider and repairs two things the preview
/// sidecar (InProcessTestHost 0.2.3) hands over that the provider cannot store, both about
/// sub-orchestrations: tags as a protobuf map, which the provider serializes with its .NET type name
/// and cannot read back ("Could not resolve type Google.Protobuf.Collections.MapField"), and its own
/// subclass of the "sub-orchestration created" history event, which the history table writes without
/// an EventType column ("The TableEntity did not contain a 'EventType' property"). Either leaves the
/// parent orchestration stuck. It also renews running activities' locks, which the sidecar's dispatcher
/// does not. Everything else passes straight through. Remove when the sidecar is fixed.
/// </summary>
public sealed class SidecarStorageCompatibility(AzureStorageOrchestrationService inner, TimeSpan workItemVisibility)
    : IOrchestrationService, IOrchestrationServiceClient, IOrchestrationServiceQueryClient, IOrchestrationServicePurgeClient
{
    // The sidecar's dispatcher never renews activity locks; the provider can (see ActivityLockRenewal).
    private readonly ActivityLockRenewal _renewal = new(workItemVisibility, inner.RenewTaskActivityWorkItemLockAsync);

    /// <summary>Activity lock renewals made so far.</summary>
    public int ActivityLockRenewals => _renewal.Renewals;

    public async Task<TaskActivityWorkItem> LockNextTaskActivityWorkItem(TimeSpan receiveTimeout, CancellationToken cancellationToken)
    {
        var workItem = await inner.LockNextTaskActivityWorkItem(receiveTimeout, cancellationToken);
        if (workItem is not null) _renewal.Start(workItem);
        return workItem!;
    }

    public Task CompleteTaskActivityWorkItemAsync(TaskActivityWorkItem workItem, TaskMessage responseMessage) =>
        _renewal.FinishAsync(workItem, () => inner.CompleteTaskActivityWorkItemAsync(workItem, responseMessage));

    public Task AbandonTaskActivityWorkItemAsync(TaskActivityWorkItem workItem) =>
        _renewal.FinishAsync(workItem, () => inner.AbandonTaskActivityWorkItemAsync(workItem));

    private static void Normalize(TaskMessage? message)
    {
        if (message?.Event is ExecutionStartedEvent { Tags: { } tags } started && tags.GetType() != typeof(Dictionary<string, string>))
            started.Tags = new Dictionary<string, string>(tags);
    }

    private static IList<TaskMessage> Normalize(IList<TaskMessage> messages)
    {
        foreach (var message in messages) Normalize(message);
        return messages;
    }

    /// <summary>Replaces the sidecar's subclass of the history event by the provider's own type.</summary>
    private static void Normalize(OrchestrationRuntimeState state)
    {
        for (var i = 0; i < state.NewEvents.Count; i++)
        {
            if (state.NewEvents[i] is not SubOrchestrationInstanceCreatedEvent created || created.GetType() == typeof(SubOrchestrationInstanceCreatedEvent)) continue;
            var plain = new SubOrchestrationInstanceCreatedEvent(created.EventId)
            {
                Name = created.Name,
                Version = created.Version,
                InstanceId = created.InstanceId,
                Input = created.Input,
                Timestamp = created.Timestamp,
                IsPlayed = created.IsPlayed,
            };
            state.NewEvents[i] = plain;
            var at = state.Events.IndexOf(created);
            if (at >= 0) state.Events[at] = plain;
        }
    }

    public Task CompleteTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem, OrchestrationRuntimeState newOrchestrationRuntimeState,
        IList<TaskMessage> outboundMessages, IList<TaskMessage> orchestratorMessages, IList<TaskMessage> timerMessages,
        TaskMessage continuedAsNewMessage, OrchestrationState orchestrationState)
    {
        Normalize(newOrchestrationRuntimeState);
        Normalize(continuedAsNewMessage);
        return inner.CompleteTaskOrchestrationWorkItemAsync(workItem, newOrchestrationRuntimeState, outboundMessages,
            Normalize(orchestratorMessages), timerMessages, continuedAsNewMessage, orchestrationState);
    }

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage) { Normalize(creationMessage); return inner.CreateTaskOrchestrationAsync(creationMessage); }

    public Task CreateTaskOrchestrationAsync(TaskMessage creationMessage, OrchestrationStatus[] dedupeStatuses)
    {
        Normalize(creationMessage);
        return inner.CreateTaskOrchestrationAsync(creationMessage, dedupeStatuses);
    }

    public Task SendTaskOrchestrationMessageAsync(TaskMessage message) { Normalize(message); return inner.SendTaskOrchestrationMessageAsync(message); }

    public Task SendTaskOrchestrationMessageBatchAsync(params TaskMessage[] messages)
    {
        foreach (var message in messages) Normalize(message);
        return inner.SendTaskOrchestrationMessageBatchAsync(messages);
    }

    // Pass-through members.
    public int TaskOrchestrationDispatcherCount => inner.TaskOrchestrationDispatcherCount;
    public int MaxConcurrentTaskOrchestrationWorkItems => inner.MaxConcurrentTaskOrchestrationWorkItems;
    public BehaviorOnContinueAsNew EventBehaviourForContinueAsNew => inner.EventBehaviourForContinueAsNew;
    public int TaskActivityDispatcherCount => inner.TaskActivityDispatcherCount;
    public int MaxConcurrentTaskActivityWorkItems => inner.MaxConcurrentTaskActivityWorkItems;
    public Task StartAsync() => inner.StartAsync();
    public Task StopAsync() => inner.StopAsync();
    public Task StopAsync(bool isForced) => inner.StopAsync(isForced);
    public Task CreateAsync() => inner.CreateAsync();
    public Task CreateAsync(bool recreateInstanceStore) => inner.CreateAsync(recreateInstanceStore);
    public Task CreateIfNotExistsAsync() => inner.CreateIfNotExistsAsync();
    public Task DeleteAsync() => inner.DeleteAsync();
    public Task DeleteAsync(bool deleteInstanceStore) => inner.DeleteAsync(deleteInstanceStore);
    public bool IsMaxMessageCountExceeded(int currentMessageCount, OrchestrationRuntimeState runtimeState) => inner.IsMaxMessageCountExceeded(currentMessageCount, runtimeState);
    public int GetDelayInSecondsAfterOnProcessException(Exception exception) => inner.GetDelayInSecondsAfterOnProcessException(exception);
    public int GetDelayInSecondsAfterOnFetchException(Exception exception) => inner.GetDelayInSecondsAfterOnFetchException(exception);
    public Task<TaskOrchestrationWorkItem> LockNextTaskOrchestrationWorkItemAsync(TimeSpan receiveTimeout, CancellationToken cancellationToken) => inner.LockNextTaskOrchestrationWorkItemAsync(receiveTimeout, cancellationToken);
    public Task RenewTaskOrchestrationWorkItemLockAsync(TaskOrchestrationWorkItem workItem) => inner.RenewTaskOrchestrationWorkItemLockAsync(workItem);
    public Task AbandonTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.AbandonTaskOrchestrationWorkItemAsync(workItem);
    public Task ReleaseTaskOrchestrationWorkItemAsync(TaskOrchestrationWorkItem workItem) => inner.ReleaseTaskOrchestrationWorkItemAsync(workItem);
    public Task<TaskActivityWorkItem> RenewTaskActivityWorkItemLockAsync(TaskActivityWorkItem workItem) => inner.RenewTaskActivityWorkItemLockAsync(workItem);
    public Task<OrchestrationState> WaitForOrchestrationAsync(string instanceId, string executionId, TimeSpan timeout, CancellationToken cancellationToken) => inner.WaitForOrchestrationAsync(instanceId, executionId, timeout, cancellationToken)!;
    public Task ForceTerminateTaskOrchestrationAsync(string instanceId, string reason) => inner.ForceTerminateTaskOrchestrationAsync(instanceId, reason);
    public Task<IList<OrchestrationState>> GetOrchestrationStateAsync(string instanceId, bool allExecutions) => inner.GetOrchestrationStateAsync(instanceId, allExecutions);
    public Task<OrchestrationState> GetOrchestrationStateAsync(string instanceId, string executionId) => inner.GetOrchestrationStateAsync(instanceId, executionId)!;
    public Task<string> GetOrchestrationHistoryAsync(string instanceId, string executionId) => inner.GetOrchestrationHistoryAsync(instanceId, executionId);
    public Task PurgeOrchestrationHistoryAsync(DateTime thresholdDateTimeUtc, OrchestrationStateTimeRangeFilterType timeRangeFilterType) => inner.PurgeOrchestrationHistoryAsync(thresholdDateTimeUtc, timeRangeFilterType);
    public Task<OrchestrationQueryResult> GetOrchestrationWithQueryAsync(OrchestrationQuery query, CancellationToken cancellationToken) => ((IOrchestrationServiceQueryClient)inner).GetOrchestrationWithQueryAsync(query, cancellationToken);
    public Task<PurgeResult> PurgeInstanceStateAsync(string instanceId) => ((IOrchestrationServicePurgeClient)inner).PurgeInstanceStateAsync(instanceId);
    public Task<PurgeResult> PurgeInstanceStateAsync(PurgeInstanceFilter purgeInstanceFilter) => ((IOrchestrationServicePurgeClient)inner).PurgeInstanceStateAsync(purgeInstanceFilter);
}
