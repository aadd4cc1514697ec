using System.Text.RegularExpressions;

namespace Workflow.Infra.Tests.Docker;

/// <summary>The instructions of a Dockerfile that these tests check (continuation lines joined).</summary>
public sealed partial record Dockerfile(IReadOnlyList<(string Instruction, string Arguments)> Instructions)
{
    public static Dockerfile Parse(string text)
    {
        var joined = ContinuationRegex().Replace(text, " ");
        var instructions = joined.Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2, StringSplitOptions.TrimEntries))
            .Select(p => (p[0].ToUpperInvariant(), p.Length > 1 ? p[1] : ""))
            .ToList();
        return new Dockerfile(instructions);
    }

    /// <summary>Images of FROM lines (without AS name), e.g. node:20.18.1-bookworm-slim.</summary>
    public IEnumerable<string> BaseImages =>
        Instructions.Where(i => i.Instruction == "FROM").Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .First(a => !a.StartsWith("--", StringComparison.Ordinal)));

    /// <summary>Sources of COPY/ADD from the build context (not --from another stage).</summary>
    public IEnumerable<string> ContextSources =>
        Instructions.Where(i => i.Instruction is "COPY" or "ADD")
            .Select(i => i.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(a => !a.Any(x => x.StartsWith("--from=", StringComparison.Ordinal)))
            .SelectMany(a => a.Where(x => !x.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));

    /// <summary>Packages named in apt-get install commands of RUN lines.</summary>
    public IEnumerable<string> AptPackages =>
        Instructions.Where(i => i.Instruction == "RUN")
            .SelectMany(i => AptInstallRegex().Matches(i.Arguments))
            .SelectMany(m => m.Groups["args"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(a => !a.StartsWith('-'));

    [GeneratedRegex(@"\\\r?\n")]
    private static partial Regex ContinuationRegex();

    [GeneratedRegex(@"apt-get\s+install(?<args>[^&;|]*)")]
    private static partial Regex AptInstallRegex();
}
