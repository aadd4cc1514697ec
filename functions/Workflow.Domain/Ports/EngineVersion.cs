using System.Collections.Concurrent;
using System.Reflection;

namespace Workflow.Domain.Ports;

/// <summary>
/// The version an engine records on what it makes. By default it is the informational version of the
/// engine's assembly, which the .NET SDK stamps with the source commit ("1.0.0+3f2a9c1d4e5b"): the
/// commit pins the engine's code and the exact model and gazetteer packages the setup installs, so a
/// transcript, a redaction set or a code proposal can be traced to what made it.
/// </summary>
public static class EngineVersion
{
    /// <summary>Commit ids are shortened to this many hex digits: unambiguous in one repository, short enough to read.</summary>
    private const int CommitDigits = 12;

    private static readonly ConcurrentDictionary<Assembly, string> Versions = new();

    /// <summary>The version of the assembly that defines <paramref name="engineType"/>.</summary>
    public static string Of(Type engineType) => Versions.GetOrAdd(engineType.Assembly, Read);

    /// <summary>Shortens a "version+commit" string's commit; other strings are returned as they are.</summary>
    public static string Shorten(string informationalVersion)
    {
        var plus = informationalVersion.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0 || informationalVersion.Length - plus - 1 <= CommitDigits) return informationalVersion;
        return informationalVersion[..(plus + 1 + CommitDigits)];
    }

    private static string Read(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return informational is { Length: > 0 } ? Shorten(informational) : assembly.GetName().Version?.ToString() ?? "unknown";
    }
}
