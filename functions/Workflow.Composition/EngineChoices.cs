using Microsoft.Extensions.Configuration;

namespace Workflow.Composition;

/// <summary>
/// The host's default engine per stage, from configuration: <c>Engines:Transcription</c>,
/// <c>Engines:Coding</c> (one key each) and <c>Engines:Deidentification</c> (one or more detectors,
/// comma-separated, run beside the always-on study identifier list).
/// </summary>
public sealed record EngineChoices(string Transcription, IReadOnlyList<string> Deidentification, string Coding)
{
    public const string SectionName = "Engines";

    /// <summary>Reads the choices, with the offline engines as defaults.</summary>
    public static EngineChoices From(IConfiguration configuration)
    {
        var engines = configuration.GetSection(SectionName);
        return new EngineChoices(
            Normalize(Value(engines, nameof(Transcription), "local")),
            List(engines, nameof(Deidentification), "rules,names"),
            Normalize(Value(engines, nameof(Coding), "keywords")));
    }

    /// <summary>Keys compare without case or surrounding space.</summary>
    public static string Normalize(string key) => key.Trim().ToLowerInvariant();

    private static string Value(IConfiguration section, string name, string fallback) =>
        section[name] is { Length: > 0 } value && !string.IsNullOrWhiteSpace(value) ? value : fallback;

    private static IReadOnlyList<string> List(IConfiguration section, string name, string fallback)
    {
        // Either "rules,names" or an array (Engines:Deidentification:0 = rules, ...).
        var children = section.GetSection(name).GetChildren().Select(c => c.Value).OfType<string>().ToList();
        var raw = children.Count > 0 ? children : [Value(section, name, fallback)];
        return raw.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(Normalize).Distinct().ToList();
    }
}
