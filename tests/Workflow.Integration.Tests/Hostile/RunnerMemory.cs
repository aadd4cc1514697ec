namespace Workflow.Integration.Tests.Hostile;

/// <summary>A process's peak and current resident memory, from /proc/&lt;pid&gt;/status (Linux).</summary>
internal static class RunnerMemory
{
    /// <summary>(VmHWM, VmRSS) in megabytes, or nulls when /proc cannot be read.</summary>
    public static (long? PeakMegabytes, long? CurrentMegabytes) Read(int processId)
    {
        var path = $"/proc/{processId}/status";
        if (!File.Exists(path)) return (null, null);
        long? Field(string[] lines, string name) =>
            lines.FirstOrDefault(l => l.StartsWith(name + ":", StringComparison.Ordinal)) is { } line
                ? long.Parse(line[(name.Length + 1)..].Trim().Split(' ')[0]) / 1024
                : null;
        var status = File.ReadAllLines(path);
        return (Field(status, "VmHWM"), Field(status, "VmRSS"));
    }
}
