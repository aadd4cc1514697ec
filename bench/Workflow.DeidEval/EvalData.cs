namespace Workflow.Tests.Shared;

/// <summary>
/// The console's stand-in for the test suite's EvalData (which depends on xunit): locates ../shared/eval
/// beside the repository, or WORKFLOW_EVAL_DIR, so the linked loaders work unchanged.
/// </summary>
internal static class EvalData
{
    public const string MissingMessage =
        "Evaluation data not found: expected ../shared/eval beside the repository (or set WORKFLOW_EVAL_DIR).";

    private static readonly Lazy<string?> Root = new(Find);

    public static string? Directory => Root.Value;

    public static string PathOf(string relative) => Path.Combine(Directory ?? throw new InvalidOperationException(MissingMessage), relative);

    private static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("WORKFLOW_EVAL_DIR");
        if (!string.IsNullOrEmpty(fromEnv)) return System.IO.Directory.Exists(fromEnv) ? fromEnv : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Workflow.sln"))) continue;
            var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "eval"));
            return System.IO.Directory.Exists(beside) ? beside : null;
        }
        return null;
    }
}
