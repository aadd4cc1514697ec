using System.Collections.Concurrent;
using DurableTask.Core;

namespace Workflow.LocalHost.Durable;

/// <summary>
/// Keeps each running activity's queue message invisible for as long as the activity runs. The
/// Functions host's dispatcher (DurableTask.Core) renews activity locks, but the preview sidecar's
/// dispatcher never does: an activity longer than the work-item visibility reappeared on the queue and
/// ran again beside itself ("processed multiple times concurrently", then PopReceiptMismatch). Renewal
/// and completion of one work item are serialised, because a renewal changes the message's pop receipt
/// and a completion with the old one fails.
/// </summary>
public sealed class ActivityLockRenewal(TimeSpan visibility, Func<TaskActivityWorkItem, Task<TaskActivityWorkItem>> renew, TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<TaskActivityWorkItem, Renewal> _running = new(ReferenceEqualityComparer.Instance);
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Renewed this often: a third of the visibility leaves two chances before the message reappears.</summary>
    public TimeSpan Interval => TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(200).Ticks, visibility.Ticks / 3));

    /// <summary>Renewals made so far (for tests and diagnostics).</summary>
    public int Renewals => Volatile.Read(ref _renewals);
    private int _renewals;

    /// <summary>Starts renewing a work item just locked.</summary>
    public void Start(TaskActivityWorkItem workItem)
    {
        // Called before the lock is handed to the dispatcher, so no finish can come before the add.
        var renewal = new Renewal();
        renewal.Loop = Task.Run(() => RenewUntilStoppedAsync(workItem, renewal));
        _running[workItem] = renewal;
    }

    /// <summary>Stops renewing, then runs <paramref name="finish"/> (complete or abandon) with no renewal in flight.</summary>
    public async Task FinishAsync(TaskActivityWorkItem workItem, Func<Task> finish)
    {
        if (_running.TryRemove(workItem, out var renewal))
        {
            await renewal.Stop.CancelAsync().ConfigureAwait(false);
            await renewal.Loop.ConfigureAwait(false);
            renewal.Stop.Dispose();
        }
        await finish().ConfigureAwait(false);
    }

    private async Task RenewUntilStoppedAsync(TaskActivityWorkItem workItem, Renewal renewal)
    {
        while (!renewal.Stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, _time, renewal.Stop.Token).ConfigureAwait(false);
                await renew(workItem).ConfigureAwait(false);
                Interlocked.Increment(ref _renewals);
            }
            catch (OperationCanceledException) when (renewal.Stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception)
            {
                // A failed renewal (storage briefly unreachable) is retried on the next tick; if the
                // message did reappear, the activity's idempotence covers the second run.
            }
        }
    }

    private sealed class Renewal
    {
        public CancellationTokenSource Stop { get; } = new();
        public Task Loop { get; set; } = Task.CompletedTask;
    }
}
