using Workflow.Cli;

return await DeidentifyCommand.RunAsync(args, Console.Out, Console.Error);
