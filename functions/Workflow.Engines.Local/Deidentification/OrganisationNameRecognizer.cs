using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Named organisations ("orgs/pattern"): capitalised words ending in a head word ("Haven Project",
/// "Bensham Surgery", "Croydon Crown Court", "Exe Valley NHS Trust", "Croydon DAT", "University of Exeter")
/// and "HMP X". At least one word before the head must be more than a generic description, so "the
/// Crown Court", "the Drug Action Team", "the Civic Centre" and "the Primary Care Trust" stay (policy).
/// </summary>
internal sealed class OrganisationNameRecognizer(Gazetteers gazetteers) : ITokenRecognizer
{
    private const string Detector = "orgs/pattern";

    private static readonly HashSet<string> Heads = new(StringComparer.Ordinal)
    {
        "project", "projects", "house", "centre", "center", "trust", "surgery", "pharmacy", "chemist", "chemists", "college", "hostel",
        "court", "courts", "magistrates", "dat", "team", "church", "chapel", "hospital", "infirmary", "forum", "group", "service",
        "services", "clinic", "foundation", "partnership", "practice", "council", "school", "academy", "university", "association",
        "society", "network", "alliance", "agency", "prison", "ltd", "limited", "plc", "inc", "journal", "gazette", "echo",
        "advertiser", "chronicle", "herald", "mercury", "collective", "initiative", "programme", "mission", "shelter", "refuge",
        "unit", "ward", "pct", "cmht", "mosque", "temple", "gurdwara", "synagogue", "fellowship", "lodge", "hub", "cafe",
        "recovery", "consortium", "federation", "institute", "board", "committee", "panel", "collaborative", "housing", "homes",
    };

    // Words that describe rather than name: "the Drug Action Team" is generic, "Croydon DAT" is not.
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "the", "of", "and", "for", "civic", "health", "community", "drug", "drugs", "alcohol", "action", "treatment", "user", "users",
        "service", "services", "local", "primary", "care", "mental", "youth", "offending", "probation", "job", "citizens", "advice",
        "day", "crown", "magistrates", "county", "city", "district", "borough", "general", "national", "regional", "criminal",
        "justice", "family", "families", "medical", "dental", "housing", "nhs", "dat", "pct", "main", "drop", "in", "support",
        "women's", "womens", "women", "men's", "mens", "men", "advisory", "reference", "steering", "working", "carers", "parents",
        "involvement", "partnership", "strategy", "management", "executive", "joint", "commissioning", "harm", "reduction",
        "needle", "exchange", "outreach", "prison", "hmp", "police", "team", "our", "this", "that", "a", "my", "your", "their",
        "his", "her", "new", "old", "big", "residential", "rehab", "detox", "hospital", "trust", "foundation", "social", "sexual",
        "dependency", "substance", "misuse", "addiction", "addictions", "specialist", "integrated", "central", "south", "north",
        "east", "west", "i", "group", "project", "centre", "court", "college", "school", "church", "university",
    };

    public string Name => "organisation";

    /// <summary>True for a head word of organisation names (folded key).</summary>
    public static bool IsHead(string key) => Heads.Contains(key);

    /// <summary>True for a word that describes rather than names an organisation ("health", "drug", "community").</summary>
    public static bool IsGeneric(string key) => Generic.Contains(key);

    public IEnumerable<RecognizedSpan> Recognize(string text) => Recognize(NameText.Analyze(text));

    public IEnumerable<RecognizedSpan> Recognize(NameText text)
    {
        var tokens = text.Tokens;
        var nextFree = 0;
        for (var h = 0; h < tokens.Count; h++)
        {
            var t = tokens[h];
            if (h < nextFree) continue;
            if (t.Key is "hmp" or "hmyoi" && t.Shape == WordShape.AllCaps && Prison(text, h) is { } prison)
            {
                yield return prison;
                nextFree = h + 1;
                continue;
            }
            if (!Heads.Contains(t.Key) || t.Shape is not (WordShape.Capitalised or WordShape.AllCaps)) continue;
            var firstHead = h;
            // "Magistrates' Court", "Crown Court": consecutive head words belong to one name.
            while (h + 1 < tokens.Count && Heads.Contains(tokens[h + 1].Key) && tokens[h + 1].Shape is WordShape.Capitalised or WordShape.AllCaps
                   && text.JoinedToNextAllowingApostrophe(h) && !tokens[h + 1].SentenceStart)
                h++;
            var first = firstHead;
            while (first - 1 >= nextFree && first - 1 >= firstHead - 5 && CanPrecede(text, first - 1)) first--;
            // Leading connectors and a sentence-initial ordinary word are not part of the name ("The", "Then").
            while (first < firstHead && (tokens[first].Shape == WordShape.Lower || (tokens[first].SentenceStart && IsOrdinary(tokens[first]))))
                first++;
            var last = h;
            // "University of Exeter", "Church of St Mary".
            if (h + 2 < tokens.Count && tokens[h + 1].Key == "of" && text.JoinedToNext(h) && text.JoinedToNext(h + 1) && tokens[h + 2].IsCapitalised
                && IsNaming(tokens[h + 2]))
                for (last = h + 2; last + 1 < tokens.Count && last < h + 4 && text.JoinedToNext(last) && tokens[last + 1].IsCapitalised && !Heads.Contains(tokens[last + 1].Key);) last++;
            var named = Enumerable.Range(first, firstHead - first).Any(k => IsNaming(tokens[k])) || last > h;
            if (!named) continue;
            if (GenericBodies.Matches(text, first, last)) continue;
            var allCommon = last == h && Enumerable.Range(first, firstHead - first).All(k => gazetteers.Lexicon.IsCommon(tokens[k].Key) || Generic.Contains(tokens[k].Key));
            var key = "org:" + string.Join(' ', tokens.Skip(first).Take(last - first + 1).Select(x => x.Key));
            yield return new RecognizedSpan(tokens[first].Start, tokens[last].CoreEnd, IdentifierKind.Organization, key, allCommon ? 0.7 : 0.85, Detector);
            nextFree = last + 1;
        }
    }

    /// <summary>Token <paramref name="k"/> may be part of the name before the head (capitalised, joined, in the same sentence).</summary>
    private static bool CanPrecede(NameText text, int k)
    {
        var t = text.Tokens[k];
        if (!text.JoinedToNextAllowingApostrophe(k) || text.Tokens[k + 1].SentenceStart) return false;
        if (t.HasClitic && t.FullKey is not ("women's" or "men's" or "st's")) return false;
        if (t.Shape is WordShape.Capitalised or WordShape.AllCaps) return !OrdinaryCapitalisedWords.Contains(t.Key) || t.Key is "nhs" or "dat" or "pct";
        // Small connectors inside a name: "Friends of the Earth", "Drugs and Alcohol Team".
        return t.Key is "of" or "and" or "the" or "for" or "on" or "upon" && k > 0 && text.Tokens[k - 1].Shape != WordShape.Lower;
    }

    private bool IsOrdinary(NameToken t) =>
        gazetteers.Lexicon.IsCommon(t.Key) && !gazetteers.Names.Contains(t.Key) || OrdinaryCapitalisedWords.Contains(t.Key);

    /// <summary>A word that names rather than describes.</summary>
    private static bool IsNaming(NameToken t) => t.Shape != WordShape.Lower && !Generic.Contains(t.Key) && !OrdinaryCapitalisedWords.Contains(t.Key);

    private static RecognizedSpan? Prison(NameText text, int h)
    {
        var tokens = text.Tokens;
        var last = h;
        while (last + 1 < tokens.Count && last < h + 3 && text.JoinedToNext(last) && tokens[last + 1].IsCapitalised && !tokens[last + 1].SentenceStart) last++;
        if (last == h) return null;
        var key = "org:" + string.Join(' ', tokens.Skip(h + 1).Take(last - h).Select(x => x.Key));
        return new RecognizedSpan(tokens[h].Start, tokens[last].CoreEnd, IdentifierKind.Organization, key, 0.9, Detector);
    }
}
