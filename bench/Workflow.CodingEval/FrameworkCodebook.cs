using System.Text.Json;
using System.Text.RegularExpressions;
using Workflow.Domain.Coding;

namespace Workflow.CodingEval;

/// <summary>
/// The NHS patient-experience framework codebook (coding/codebook_framework3.json: major category,
/// code name, definition, examples as one quoted list) as a two-level <see cref="Codebook"/>: each
/// major category a theme, each sub-category a code. It has no keywords, so the keyword engine sees
/// only the codes' names and whatever the examples add through the engines that read them.
/// </summary>
internal static partial class FrameworkCodebook
{
    public static Codebook Load(string path)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var entries = new List<CodebookEntry>();
        var themes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in doc.RootElement.EnumerateArray())
        {
            var major = item.GetProperty("major").GetString()!;
            if (!themes.TryGetValue(major, out var themeId))
            {
                themes[major] = themeId = "t" + (themes.Count + 1);
                entries.Add(new CodebookEntry(themeId, null, 1, major, major));
            }
            var name = item.GetProperty("code").GetString()!;
            var definition = item.GetProperty("definition").GetString() ?? "";
            entries.Add(new CodebookEntry(IdOf(name), themeId, 2, name, definition.Length > 0 ? definition : name,
                Examples: Examples(item.GetProperty("examples").GetString() ?? "")));
        }
        return new Codebook("eval-nhs", 1, "NHS patient experience framework", entries, DateTimeOffset.UnixEpoch);
    }

    /// <summary>A stable id from the code's name ("Staff manner &amp; personal attributes" -> "staff-manner-personal-attributes").</summary>
    public static string IdOf(string name) => NonWord().Replace(name.ToLowerInvariant(), "-").Trim('-');

    /// <summary>The quoted examples ('All good', ‘Perfect.’); the "Positive:"/"Negative:" headings are dropped.</summary>
    private static List<string> Examples(string text) =>
        Quoted().Matches(text).Select(m => m.Groups[1].Value.Trim()).Where(e => e.Length > 2).ToList();

    [GeneratedRegex("[^a-z0-9]+")]
    private static partial Regex NonWord();

    // An opening quote at a word edge, the shortest run to a closing quote followed by a separator.
    [GeneratedRegex("""(?<!\w)['\u2018"\u201C](.+?)['\u2019"\u201D](?=\s*(?:,|$|\s+(?:Positive|Negative|Neutral)))""")]
    private static partial Regex Quoted();
}
