using System.Globalization;

namespace Workflow.Cli.Progress;

/// <summary>Text for progress displays: bars, byte sizes and counts. Pure, so it is unit-tested.</summary>
internal static class ProgressText
{
    /// <summary><c>[#####-----]</c>: the done share of <paramref name="width"/> cells; an unknown total shows an empty bar.</summary>
    public static string Bar(long done, long total, int width = 24)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width));
        var filled = total <= 0 ? 0 : (int)Math.Clamp(done * width / total, 0, width);
        return "[" + new string('#', filled) + new string('-', width - filled) + "]";
    }

    /// <summary>Whole percent, rounded down so that 100% means finished; <c>--%</c> when the total is unknown.</summary>
    public static string Percent(long done, long total) =>
        total <= 0 ? " --%" : $"{Math.Clamp(done * 100 / total, 0, 100),3}%";

    /// <summary>A size for people: bytes below 1 KiB, then KiB, MiB, GiB with one decimal.</summary>
    public static string Bytes(long bytes)
    {
        string[] units = ["KiB", "MiB", "GiB", "TiB"];
        if (bytes < 1024) return bytes.ToString(CultureInfo.InvariantCulture) + " B";
        double value = bytes;
        var unit = -1;
        while (value >= 1024 && unit < units.Length - 1)
        {
            value /= 1024;
            unit++;
        }
        return value.ToString("0.0", CultureInfo.InvariantCulture) + " " + units[unit];
    }

    /// <summary>One upload's line: <c>name [####----]  50% 1.0 MiB / 2.0 MiB</c>.</summary>
    public static string UploadLine(string name, long sent, long total) =>
        $"{name} {Bar(sent, total)} {Percent(sent, total)} {Bytes(sent)} / {(total > 0 ? Bytes(total) : "?")}";

    /// <summary>Fits a line to a terminal width (so a redraw never wraps), cutting with an ellipsis.</summary>
    public static string Fit(string line, int width) =>
        width <= 1 || line.Length <= width - 1 ? line : line[..(width - 2)] + "…";
}
