namespace Workflow.Tests.Shared;

/// <summary>
/// Locates the development evaluation data (<c>../shared/eval</c> beside the repository, or
/// <c>WORKFLOW_EVAL_DIR</c>). A user's fresh clone has no such folder: tests that need it are
/// marked <see cref="EvalFactAttribute"/> and skip with a message saying why.
/// </summary>
public static class EvalData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The eval folder, or null when it is not present.</summary>
    public static string? Directory => Root.Value;

    /// <summary>The repository root (the folder holding Workflow.sln).</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>Full path of <paramref name="relative"/> inside the eval folder; throws when the folder is absent.</summary>
    public static string PathOf(string relative) =>
        Path.Combine(Directory ?? throw new InvalidOperationException(EvalFactAttribute.MissingMessage), relative);

    private static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("WORKFLOW_EVAL_DIR");
        if (!string.IsNullOrEmpty(fromEnv)) return System.IO.Directory.Exists(fromEnv) ? fromEnv : null;
        var beside = Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "eval"));
        return System.IO.Directory.Exists(beside) ? beside : null;
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln"))) return dir.FullName;
        throw new InvalidOperationException("Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs the evaluation data; skipped, with the reason, when it is absent.</summary>
public sealed class EvalFactAttribute : FactAttribute
{
    internal const string MissingMessage =
        "Evaluation data not found: expected ../shared/eval beside the repository or WORKFLOW_EVAL_DIR.";

    public EvalFactAttribute()
    {
        if (EvalData.Directory is null) Skip = MissingMessage;
    }
}
