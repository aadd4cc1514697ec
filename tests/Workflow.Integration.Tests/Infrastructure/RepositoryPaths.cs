using Workflow.Tests.Shared;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>Paths of build outputs and project files the tests use.</summary>
public static class RepositoryPaths
{
    /// <summary>Debug or Release, whichever this test assembly was built in.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";

    public static string Root => EvalData.RepositoryRoot;

    public static string LocalHostDll => Output("Workflow.LocalHost", "Workflow.LocalHost.dll");

    /// <summary>The <c>workflow</c> command-line client.</summary>
    public static string CliDll
    {
        get
        {
            var path = Path.Combine(Root, "tools", "Workflow.Cli", "bin", Configuration, "net10.0", "workflow.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution first (scripts/test.sh does).");
        }
    }

    public static string FunctionsMetadata => Output("Workflow.Functions", "functions.metadata");

    public static string Sample(string relative) => Path.Combine(Root, "samples", relative);

    public static string Script(string name) => Path.Combine(Root, "scripts", name);

    private static string Output(string project, string file)
    {
        var path = Path.Combine(Root, "functions", project, "bin", Configuration, "net10.0", file);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build the solution first (scripts/test.sh does).");
    }
}
