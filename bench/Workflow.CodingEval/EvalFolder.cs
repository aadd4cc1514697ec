namespace Workflow.CodingEval;

/// <summary>
/// The development evaluation data: <c>WORKFLOW_EVAL_DIR</c>, or <c>../shared/eval</c> beside the
/// repository. Read in place, never copied into the project.
/// </summary>
internal static class EvalFolder
{
    public static string? Find()
    {
        var fromEnv = Environment.GetEnvironmentVariable("WORKFLOW_EVAL_DIR");
        if (!string.IsNullOrEmpty(fromEnv)) return Directory.Exists(fromEnv) ? fromEnv : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Workflow.sln")))
            {
                var beside = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "eval"));
                return Directory.Exists(beside) ? beside : null;
            }
        return null;
    }
}
