namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// One Hunspell suffix rule (<c>SFX flag strip add condition</c>). Conditions are matched by hand (they
/// are short sequences of letters, '.', and [..]/[^..] sets) so that loading needs no regular expressions.
/// </summary>
internal sealed class HunspellSuffix(string strip, string add, string[] condition)
{
    /// <summary>The suffixed form of <paramref name="word"/>, or null when the condition does not hold.</summary>
    public string? Apply(string word)
    {
        if (word.Length < condition.Length || !word.EndsWith(strip, StringComparison.Ordinal)) return null;
        for (var i = 0; i < condition.Length; i++)
        {
            var c = word[word.Length - condition.Length + i];
            var element = condition[i];
            if (element == ".") continue;
            var negated = element.StartsWith('^');
            var set = negated ? element.AsSpan(1) : element.AsSpan();
            if (set.Contains(c) == negated) return null;
        }
        return word[..^strip.Length] + add;
    }

    /// <summary>All suffix rules of an affix file, by flag.</summary>
    public static Dictionary<char, List<HunspellSuffix>> ReadAll(string affPath)
    {
        var rules = new Dictionary<char, List<HunspellSuffix>>();
        foreach (var line in File.ReadLines(affPath))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            // Rule lines have five fields; the header line of each flag has four ("SFX D Y 4").
            if (parts.Length < 5 || parts[0] != "SFX" || parts[1].Length != 1) continue;
            var strip = parts[2] == "0" ? "" : parts[2];
            var add = parts[3] == "0" ? "" : parts[3].Split('/')[0];
            if (!rules.TryGetValue(parts[1][0], out var list)) rules[parts[1][0]] = list = [];
            list.Add(new HunspellSuffix(strip, add.ToLowerInvariant(), ParseCondition(parts[4])));
        }
        return rules;
    }

    /// <summary>The prefixes of an affix file that strip nothing and apply anywhere ("PFX A 0 re ."), by flag.</summary>
    public static Dictionary<char, string> ReadPrefixes(string affPath)
    {
        var prefixes = new Dictionary<char, string>();
        foreach (var line in File.ReadLines(affPath))
        {
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length < 5 || parts[0] != "PFX" || parts[1].Length != 1 || parts[2] != "0" || parts[4] != ".") continue;
            prefixes.TryAdd(parts[1][0], parts[3].Split('/')[0].ToLowerInvariant());
        }
        return prefixes;
    }

    private static string[] ParseCondition(string condition)
    {
        var elements = new List<string>();
        for (var i = 0; i < condition.Length; i++)
        {
            if (condition[i] == '[')
            {
                var close = condition.IndexOf(']', i);
                if (close < 0) break;
                elements.Add(condition[(i + 1)..close]);
                i = close;
            }
            else elements.Add(condition[i].ToString());
        }
        return [.. elements];
    }
}
