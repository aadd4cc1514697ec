using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>
/// Small invented gazetteers, so rule tests do not depend on what the npm lists contain. The names are
/// made up for the tests and appear in no evaluation file.
/// </summary>
internal static class TestGazetteers
{
    public static readonly Gazetteers Instance = Build();

    private static Gazetteers Build()
    {
        string[] first = ["Care", "Dave", "Kevin", "Marlon", "Grace", "Will", "Hope", "Dawn", "Sue", "Mark", "Bill", "Frank", "Barbara", "Jo",
            "Mo", "Shirley", "Tamsin", "Oskar", "Bernie", "Lorna"];
        string[] surnames = ["Pickering", "Yudina", "Greenhalgh", "Young", "Durham", "Trelawney", "Okafor", "Big", "Good", "American", "Hyde", "Care", "Primary"];
        string[] common = ["will", "hope", "grace", "dawn", "sue", "may", "bill", "mark", "frank", "big", "little", "mate", "spud",
            "tank", "project", "house", "surgery", "estate", "court", "crown", "high", "down", "sage", "teams", "bridge", "speak",
            "up", "fair", "point", "young", "good", "the", "a", "and", "said", "says", "goes", "mouse", "lanky", "bath", "reading",
            "anchor", "arms", "close", "centre", "college", "trust", "pharmacy", "harbour", "lighthouse", "glad", "tired", "you",
            "they", "how", "new", "old", "home", "office", "drug", "action", "team", "civic", "primary", "care", "lane", "way",
            "mill", "view", "well", "mayday", "point", "turning", "red", "lion", "inn", "king", "head", "on", "then", "no", "in",
            "at", "to", "so", "we", "went", "there", "was", "it", "is", "of", "for", "with", "about", "that", "this", "after", "but",
            "when", "where", "what", "yes", "anyway", "start", "saw", "pub", "road", "street", "estate", "out", "sent", "sat", "lived", "from", "him", "she", "he", "named", "primary", "care", "you", "saved", "my", "life"];
        string[] countNouns = ["spud", "tank", "mouse", "bridge", "point", "how"];
        var places = new KeyTrie<PlaceEntry>();
        foreach (var place in (string[])["Kettleby", "Gatesmoor", "Thornton Vale", "Bath", "Reading", "Shirley", "Durham", "Ashworth"])
            places.Add(NameText.Analyze(place).Tokens.Select(t => t.Key).ToList(), new PlaceEntry(place, false, 1));
        var firstNames = new HashSet<string>(first.Select(n => TextFolding.Fold(n)), StringComparer.Ordinal);
        var names = new HashSet<string>(firstNames.Concat(surnames.Select(n => TextFolding.Fold(n))), StringComparer.Ordinal);
        return new Gazetteers(firstNames, names, EnglishLexicon.Of(common, ["Christmas", "Punjabi", "American"], countNouns), places);
    }
}
