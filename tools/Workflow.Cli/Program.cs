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
    // A terminal that does not say its size (0) gets a common width rather than none.
    Width = !interactive ? int.MaxValue : Console.WindowWidth is > 0 and var columns ? Math.Max(40, columns) : 120,
};
return await CliApp.RunAsync(args, cli);
