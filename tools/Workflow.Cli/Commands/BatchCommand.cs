using Workflow.Cli.Api;
using Workflow.Cli.Progress;

namespace Workflow.Cli.Commands;

/// <summary>
/// <c>workflow batch --study S --stage ...</c>: starts a batch re-run and follows it to the end,
/// printing counts and every failure with its reason (exit 1 when any failed);
/// <c>workflow batch --cancel OPERATION_ID --study S</c> stops it from starting more recordings;
/// <c>workflow batch --retry OPERATION_ID --study S</c> re-runs an ended batch's failed recordings as a
/// new batch and follows that one.
/// </summary>
internal static class BatchCommand
{
    public const string Usage = "workflow batch --study S --stage coding|deidentification|transcription [--sites a,b] [--recordings r1,r2] [--changed-since N] [--request-id ID] [--interval SECONDS] [--api URL] [identity]\n"
        + "       workflow batch --cancel OPERATION_ID --study S [--api URL] [identity]\n"
        + "       workflow batch --retry OPERATION_ID --study S [--interval SECONDS] [--api URL] [identity]";

    private static readonly string[] Stages = ["coding", "deidentification", "transcription"];

    private static readonly string[] Options = [.. ApiConnection.Options, "--study", "--stage", "--sites", "--recordings", "--changed-since", "--request-id", "--interval", "--cancel", "--retry"];

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = Arguments.Parse(args, Options);
        if (a.Positional.Count > 0) throw new UsageException($"batch takes no positional arguments ('{a.Positional[0]}').");
        var study = a.Required("--study");
        var connection = ApiConnection.From(a.Option, cli.Environment);
        if (a.Option("--cancel") is { } operation)
        {
            if (a.Option("--stage") is not null) throw new UsageException("--cancel takes no --stage.");
            using var client = cli.Client(connection);
            await client.CancelBatchAsync(study, operation, cli.Cancellation);
            await cli.Out.WriteLineAsync($"{operation}: cancel requested; recordings already re-running finish, no more start.");
            return 0;
        }

        var interval = a.Seconds("--interval", 1);
        using var api = cli.Client(connection);
        BatchStarted started;
        if (a.Option("--retry") is { } failedBatch)
        {
            if (a.Option("--stage") is not null || a.Option("--cancel") is not null) throw new UsageException("--retry takes no --stage or --cancel: it re-runs the failed batch's own stage.");
            started = await api.RetryBatchAsync(study, failedBatch, cli.Cancellation);
            await cli.Out.WriteLineAsync(started.AlreadyStarted
                ? $"{started.OperationId}: these failures were retried earlier; following that batch."
                : $"{started.OperationId}: retrying the failed recordings of {failedBatch}.");
        }
        else
        {
            var stage = a.Required("--stage").ToLowerInvariant();
            if (!Stages.Contains(stage)) throw new UsageException($"--stage must be one of {string.Join(", ", Stages)}.");
            var request = new BatchRequest(stage, a.List("--sites"), a.List("--recordings"), a.Integer("--changed-since", min: 1), a.Option("--request-id"));
            started = await api.StartBatchAsync(study, request, cli.Cancellation);
            await cli.Out.WriteLineAsync(started.AlreadyStarted
                ? $"{started.OperationId}: this request started the batch earlier; following it."
                : $"{started.OperationId}: {started.Stage} batch started.");
        }

        var display = new LiveDisplay(cli.Out, cli.Interactive, cli.Width);
        BatchStatus status;
        while (true)
        {
            status = await api.BatchStatusAsync(started.StatusUrl, cli.Cancellation);
            display.Show([WatchProgress.BatchLine(status)]);
            if (status.HasEnded) break;
            await Task.Delay(interval, cli.Cancellation);
        }
        display.Finish();

        var c = status.Counts;
        await cli.Out.WriteLineAsync($"{status.OperationId} {status.RuntimeStatus}: {c.Total} recordings, {c.Done} done, {c.Failed} failed, {c.WaitingForCoders} waiting for coders, {c.Skipped} skipped, {c.Cancelled} cancelled.");
        foreach (var processed in status.Processed ?? [])
            if (processed.Error is null)
                await cli.Out.WriteLineAsync($"  {processed.RecordingId}: {processed.Status}, {processed.Pending} item(s) for coders, {processed.Carried} decision(s) carried over, {processed.Requeued} asked again");
        foreach (var skipped in status.Skipped ?? [])
            await cli.Out.WriteLineAsync($"  {skipped.RecordingId}: skipped: {skipped.Reason}");
        foreach (var failed in status.Failed ?? [])
            await cli.Error.WriteLineAsync($"failed: {failed.RecordingId} at {failed.Stage}: {failed.Error ?? "no reason given"}");
        if (status.RuntimeStatus != "Completed")
            await cli.Error.WriteLineAsync($"error: the batch ended {status.RuntimeStatus}.");
        return status.RuntimeStatus == "Completed" && c.Failed == 0 ? 0 : 1;
    }
}
