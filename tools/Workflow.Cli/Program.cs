using Workflow.Cli;

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C cancels cleanly (an export removes its partial file); a second one kills.
    e.Cancel = !interrupted.IsCancellationRequested;
    interrupted.Cancel();
};
var interactive = !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("TERM") is not (null or "dumb");
var cli = new CliContext(Console.Out, Console.Error, interactive, Environment.GetEnvironmentVariable, interrupted.Token)
{
    Width = interactive ? Math.Max(40, Console.WindowWidth) : int.MaxValue,
};
return await CliApp.RunAsync(args, cli);
