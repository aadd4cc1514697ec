namespace Workflow.Hosting;

/// <summary>Which host is starting; some settings are only acceptable on a developer's machine.</summary>
public enum WorkflowHostKind
{
    /// <summary>The self-hosted runner (Workflow.LocalHost), always on the machine it runs on.</summary>
    LocalRunner,

    /// <summary>The Azure Functions app, in Azure or under Core Tools.</summary>
    Functions,
}
