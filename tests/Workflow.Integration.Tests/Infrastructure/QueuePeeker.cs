namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>
/// Peeks a task hub's queues over and over while a pipeline runs, keeping every distinct message seen:
/// work-item and control messages live for a moment only, so a scan after the run would never see them.
/// </summary>
public sealed class QueuePeeker : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, StoredText> _seen = [];
    private Task _loop = Task.CompletedTask;

    public static async Task<QueuePeeker> StartAsync(StoredTexts storage, string taskHub)
    {
        var queues = await storage.QueueNamesAsync(taskHub);
        if (queues.Count == 0) throw new InvalidOperationException($"Task hub {taskHub} has no queues yet: start the runner first.");
        var peeker = new QueuePeeker();
        peeker._loop = peeker.RunAsync(storage, queues);
        return peeker;
    }

    private async Task RunAsync(StoredTexts storage, List<string> queues)
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var queue in queues)
                foreach (var message in await storage.PeekAsync(queue))
                    lock (_seen) _seen.TryAdd(message.Location, message);
            try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
        }
    }

    /// <summary>Stops peeking and returns every message seen.</summary>
    public async Task<List<StoredText>> StopAsync()
    {
        _stop.Cancel();
        await _loop;
        lock (_seen) return _seen.Values.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested) await StopAsync();
        _stop.Dispose();
    }
}
