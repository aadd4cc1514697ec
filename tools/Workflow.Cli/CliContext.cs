namespace Workflow.Cli;

/// <summary>What a command writes to and reads from: output, errors, whether output is a terminal, the environment.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, bool Interactive, Func<string, string?> Environment, CancellationToken Cancellation)
{
    /// <summary>Terminal width for redrawn lines (so they never wrap); unlimited when output is not a terminal.</summary>
    public int Width { get; init; } = int.MaxValue;

    /// <summary>The HTTP handler for API calls; tests put a fake host here, otherwise sockets.</summary>
    public Func<HttpMessageHandler>? HttpHandler { get; init; }

    public Api.WorkflowApiClient Client(Api.ApiConnection connection) => new(connection, HttpHandler?.Invoke());

    /// <summary>Plain output, no terminal: what tests and pipes get.</summary>
    public static CliContext Plain(TextWriter output, TextWriter error, Func<string, string?>? environment = null, CancellationToken ct = default) =>
        new(output, error, false, environment ?? (_ => null), ct);
}
