using Workflow.LocalHost;

LocalRunner.Build(args).Run();

/// <summary>The local runner's entry point.</summary>
public partial class Program;
