using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Workflow.Orchestrations.Contracts;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Tells the orchestration waiting for a recording's decisions that one was stored, off the request
/// path and coalesced per recording: a signal only asks the orchestration to count the decisions in the queue table, so one
/// signal sent after several decisions were stored counts them all. A coder's decision therefore does
/// not wait for the Durable backend, and a burst of decisions on one recording costs the orchestration
/// one re-count instead of one per decision. A signal lost (e.g. the process dies first) loses nothing:
/// the orchestration's periodic re-check counts the stored decisions.
/// </summary>
public sealed class VerificationSignaller(RecordingRepository recordings, ILogger<VerificationSignaller> log)
{
    /// <summary>Signals sent at once.</summary>
    private const int Senders = 4;

    // Recordings with a signal due, and the client and item of their latest decision. A recording is in
    // the channel once while it is in this map.
    private readonly ConcurrentDictionary<string, (DurableTaskClient Client, string ItemId)> _due = new(StringComparer.Ordinal);
    private readonly Channel<string> _recordings = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleWriter = false });
    private int _started;

    /// <summary>Schedules a signal for <paramref name="recordingId"/>; call after the decision is stored.</summary>
    public void Signal(DurableTaskClient client, string recordingId, string itemId)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
            for (var i = 0; i < Senders; i++) _ = Task.Run(SendAsync);
        // Already due: the pending signal is sent after this decision was stored, so it counts it too.
        if (_due.TryAdd(recordingId, (client, itemId))) _recordings.Writer.TryWrite(recordingId);
    }

    private async Task SendAsync()
    {
        await foreach (var recordingId in _recordings.Reader.ReadAllAsync())
        {
            // Removed before sending: a decision stored from now on schedules a signal of its own.
            if (!_due.TryRemove(recordingId, out var due)) continue;
            try
            {
                var recording = await recordings.GetAsync(recordingId, CancellationToken.None);
                // Only a recording that waits for decisions has an orchestration listening. A late signal to
                // one that finished (or is being deleted) would reach an instance whose history is purged.
                if (recording is not { Status: Domain.Recordings.RecordingStatus.WaitingForVerification, VerificationInstanceId: { } instance }) continue;
                await due.Client.RaiseEventAsync(instance, VerificationSignal.EventName, new VerificationSignal(due.ItemId));
            }
            catch (Exception e)
            {
                log.LogWarning("Could not signal the orchestration of recording {RecordingId}: {Error}; the periodic re-check will count the decision",
                    recordingId, e.GetType().Name);
            }
        }
    }
}
