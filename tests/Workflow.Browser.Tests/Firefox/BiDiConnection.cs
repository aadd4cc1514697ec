using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Workflow.Browser.Tests.Firefox;

/// <summary>
/// A WebDriver BiDi connection over a WebSocket: commands with ids, answers matched to them, and the
/// browser's log events kept so a test can fail on a script error. Firefox speaks BiDi natively, so
/// no geckodriver (which cannot be installed from the registries here) stands between.
/// </summary>
internal sealed class BiDiConnection : IAsyncDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(30);
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JsonElement>> _pending = new();
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly CancellationTokenSource _closing = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private Task? _receiving;
    private long _nextId;

    /// <summary>Errors the pages logged (uncaught exceptions, console.error), in order.</summary>
    public IReadOnlyList<string> PageErrors => [.. _errors];

    public static async Task<BiDiConnection> OpenAsync(Uri sessionUrl)
    {
        var connection = new BiDiConnection();
        await connection._socket.ConnectAsync(sessionUrl, CancellationToken.None);
        connection._receiving = Task.Run(connection.ReceiveAsync);
        return connection;
    }

    /// <summary>Sends a command and returns its result; a BiDi error answer throws with the browser's words.</summary>
    public async Task<JsonElement> SendAsync(string method, object parameters, TimeSpan? timeout = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = answer;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters });
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
        try
        {
            return await answer.Task.WaitAsync(timeout ?? CommandTimeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"Firefox did not answer {method} within {(timeout ?? CommandTimeout).TotalSeconds:0} s.");
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (!_closing.IsCancellationRequested && _socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (part.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;
                Dispatch(JsonDocument.Parse(message.ToArray()).RootElement.Clone());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // Closed by the test or by the browser going away; pending commands fail below.
        }
        foreach (var pending in _pending.Values) pending.TrySetException(new InvalidOperationException("The Firefox connection closed."));
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var idElement) && idElement.ValueKind == JsonValueKind.Number
            && _pending.TryGetValue(idElement.GetInt64(), out var answer))
        {
            if (message.GetProperty("type").GetString() == "error")
                answer.TrySetException(new InvalidOperationException(
                    $"Firefox refused the command: {message.GetProperty("error").GetString()}: {message.GetProperty("message").GetString()}"));
            else
                answer.TrySetResult(message.GetProperty("result"));
            return;
        }
        if (message.TryGetProperty("method", out var method) && method.GetString() == "log.entryAdded")
        {
            var entry = message.GetProperty("params");
            if (entry.GetProperty("level").GetString() == "error")
                _errors.Enqueue(entry.TryGetProperty("text", out var text) ? text.GetString() ?? "(no text)" : "(no text)");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync();
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2));
            }
            catch (Exception e) when (e is WebSocketException or TimeoutException or OperationCanceledException)
            {
                // The browser is about to be killed anyway.
            }
        }
        if (_receiving is not null) await _receiving.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { });
        _socket.Dispose();
        _closing.Dispose();
        _sending.Dispose();
    }
}
