using Workflow.Cli.Api;
using Workflow.Cli.Commands;

namespace Workflow.Cli;

/// <summary>
/// Dispatches <c>workflow COMMAND ...</c>. Exit codes: 0 success; 1 the work failed (an API problem,
/// whose <c>detail</c> is printed; a bad metadata sheet; a failed recording or batch; the host
/// unreachable); 2 a usage error; 3 and 4 an audit trail that does not verify (<see cref="AuditCommand"/>).
/// </summary>
internal static class CliApp
{
    private static readonly string Usage = string.Join("\n", [
        "usage: " + UploadCommand.Usage,
        "       " + WatchCommand.Usage,
        "       " + BatchCommand.Usage,
        "       " + ExportCommand.Usage,
        "       " + ReportCommand.Usage,
        "       " + AuditCommand.Usage,
        "       " + TranscribeCommand.Usage,
        "       workflow deidentify FILE [--identifiers LIST.json] [--detectors rules,...] [--out DIR] [--confirm-below 0.9]",
        "identity: --user/--roles (or WORKFLOW_USER/WORKFLOW_ROLES) send X-Dev-User/X-Dev-Roles to a development host;",
        "          --bearer TOKEN (or WORKFLOW_TOKEN) sends Authorization: Bearer for Azure. --api defaults to WORKFLOW_API or " + ApiConnection.DefaultApi + ".",
        "transcribe: --engine whisper needs Engines__Whisper__ModelPath=/path/to/ggml-model.bin in the environment (no model ships).",
    ]);

    public static async Task<int> RunAsync(string[] args, CliContext cli)
    {
        var command = args.Length > 0 ? args[0] : null;
        var rest = args.Skip(1);
        try
        {
            switch (command)
            {
                case "transcribe": return await TranscribeCommand.RunAsync(rest, cli);
                case "deidentify": return await DeidentifyCommand.RunAsync(args, cli.Out, cli.Error);
                case "upload": return await UploadCommand.RunAsync(rest, cli);
                case "watch": return await WatchCommand.RunAsync(rest, cli);
                case "batch": return await BatchCommand.RunAsync(rest, cli);
                case "export": return await ExportCommand.RunAsync(rest, cli);
                case "report": return await ReportCommand.RunAsync(rest, cli);
                case "audit": return await AuditCommand.RunAsync(rest, cli);
                case "help" or "--help" or "-h":
                    await cli.Out.WriteLineAsync(Usage);
                    return 0;
                default:
                    throw new UsageException(command is null ? "no command given." : $"unknown command '{command}'.");
            }
        }
        catch (UsageException e)
        {
            await cli.Error.WriteLineAsync("error: " + e.Message);
            await cli.Error.WriteLineAsync(Usage);
            return 2;
        }
        catch (ApiProblemException e)
        {
            await cli.Error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
        catch (HttpRequestException e)
        {
            await cli.Error.WriteLineAsync($"error: cannot reach the host ({e.Message}); is it running, and is --api right?");
            return 1;
        }
        catch (OperationCanceledException) when (cli.Cancellation.IsCancellationRequested)
        {
            await cli.Error.WriteLineAsync("interrupted.");
            return 130;
        }
        catch (OperationCanceledException)
        {
            await cli.Error.WriteLineAsync("error: the host did not answer in time.");
            return 1;
        }
        catch (IOException e)
        {
            await cli.Error.WriteLineAsync("error: " + e.Message);
            return 1;
        }
    }
}
