namespace Workflow.Cli;

/// <summary>A mistake in how a command was called: printed with the command's usage, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A command's arguments: positional values and <c>--name value</c> options (or <c>--name=value</c>).
/// Options not in the command's list are refused, so a typo never passes silently.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Positional { get; }

    private Arguments(List<string> positional) => Positional = positional;

    public static Arguments Parse(IEnumerable<string> args, IReadOnlyCollection<string> allowed)
    {
        var positional = new List<string>();
        var result = new Arguments(positional);
        using var e = args.GetEnumerator();
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg == "--")
            {
                positional.Add(arg);
                continue;
            }
            var (name, value) = arg.IndexOf('=') is var eq and > 2 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (!allowed.Contains(name)) throw new UsageException($"unknown option {name}.");
            if (value is null)
            {
                if (!e.MoveNext() || e.Current.StartsWith("--", StringComparison.Ordinal)) throw new UsageException($"{name} needs a value.");
                value = e.Current;
            }
            if (!result._options.TryAdd(name, value)) throw new UsageException($"{name} is given twice.");
        }
        return result;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public string Required(string name) => Option(name) is { Length: > 0 } value ? value : throw new UsageException($"{name} is required.");

    /// <summary>A comma-separated list (<c>--sites a,b</c>), or null when the option is absent.</summary>
    public IReadOnlyList<string>? List(string name) =>
        Option(name) is { } value
            ? value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } items ? items : throw new UsageException($"{name} needs at least one value.")
            : null;

    public int? Integer(string name, int min = 0) =>
        Option(name) is not { } value ? null
        : int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min ? n
        : throw new UsageException($"{name} must be a whole number of at least {min}.");

    public TimeSpan Seconds(string name, double fallback)
    {
        if (Option(name) is not { } value) return TimeSpan.FromSeconds(fallback);
        return double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s is > 0 and <= 3600
            ? TimeSpan.FromSeconds(s)
            : throw new UsageException($"{name} must be a number of seconds between 0 and 3600.");
    }
}
