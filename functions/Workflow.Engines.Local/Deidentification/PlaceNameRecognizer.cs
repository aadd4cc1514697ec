using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// GB towns, districts, counties and unitary authorities from the GeoNames gazetteer ("places/gazetteer"),
/// with directional prefixes ("West Croydon"). Place names that are common words ("Bath", "Reading",
/// "Street") count only capitalised, mid-sentence and after a location word ("in", "from", "near"); in
/// lower-case text a place needs such a word too. After "sent down to", "out of", "banged up in" a
/// place means its prison and is typed as an organisation (policy: prisons known by their town).
/// </summary>
internal sealed class PlaceNameRecognizer(Gazetteers gazetteers) : ITokenRecognizer
{
    private const string Detector = "places/gazetteer";

    private static readonly HashSet<string> LocationWords = new(StringComparer.Ordinal)
    {
        "in", "from", "to", "near", "at", "round", "around", "outside", "towards", "toward", "through", "via", "across", "between",
        "into", "of", "moved", "live", "lived", "lives", "born", "bred", "up", "down", "visit", "visiting", "and",
    };

    private static readonly HashSet<string> Directions = new(StringComparer.Ordinal)
    {
        "west", "east", "north", "south", "central", "upper", "lower", "greater", "new", "old", "great", "inner", "outer", "mid",
    };

    // "sent down to X", "out of X", "banged up in X", "time in X": the town stands for its prison.
    private static readonly HashSet<string> CustodyWords = new(StringComparer.Ordinal)
    {
        "out", "time", "remanded", "transferred", "released", "stretch", "sentence", "inside", "months", "weeks", "years", "sent",
    };

    public string Name => "place";

    public IEnumerable<RecognizedSpan> Recognize(string text) => Recognize(NameText.Analyze(text));

    public IEnumerable<RecognizedSpan> Recognize(NameText text)
    {
        var tokens = text.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (t.Shape is WordShape.Other || OrdinaryCapitalisedWords.Contains(t.Key)) continue;
            if (gazetteers.Places.LongestMatch(text, i, Joinable) is not { } match) continue;
            var last = match.Last;
            var lastToken = tokens[last];
            var cue = HasLocationCue(text, i);
            var single = last == i;
            double confidence;
            if (t.IsCapitalised && lastToken.Shape != WordShape.Lower)
            {
                var common = single && gazetteers.Lexicon.IsCommon(t.Key);
                if (common && (t.SentenceStart || !cue)) continue;
                confidence = common ? 0.6 : t.SentenceStart ? 0.75 : 0.85;
                // "Shirley", "Beverley": also first names; without a location word a coder decides.
                if (single && gazetteers.FirstNames.Contains(t.Key) && !cue) confidence = 0.5;
            }
            else if (t.IsCaseless && cue && !gazetteers.Lexicon.IsCommon(t.Key) && !(single && gazetteers.FirstNames.Contains(t.Key)))
                confidence = 0.55;
            else continue;
            var first = i;
            if (i > 0 && Directions.Contains(tokens[i - 1].Key) && tokens[i - 1].Shape == t.Shape && !t.SentenceStart && text.JoinedToNext(i - 1))
                first = i - 1;
            var kind = IsCustody(text, first) ? IdentifierKind.Organization : IdentifierKind.Location;
            var key = "place:" + string.Join(' ', tokens.Skip(first).Take(last - first + 1).Select(x => x.Key));
            yield return new RecognizedSpan(tokens[first].Start, lastToken.CoreEnd, kind, key, confidence, Detector);
            i = last;
        }
    }

    /// <summary>Words of one place may be joined by spaces or hyphens ("Stoke-on-Trent", "Newton Abbot").</summary>
    public static bool Joinable(NameText text, int i)
    {
        if (text.Tokens[i].HasClitic) return false;
        var gap = text.GapAfter(i);
        if (gap.Length is 0 or > 2) return false;
        foreach (var c in gap)
            if (c is not (' ' or '-' or '.' or '\u00A0')) return false;
        return true;
    }

    /// <summary>A location word just before token <paramref name="i"/> in the same sentence ("in", "from", "near").</summary>
    public static bool HasLocationCue(NameText text, int i)
    {
        if (i == 0 || text.Tokens[i].SentenceStart) return false;
        var previous = text.KeyAt(i - 1);
        if (LocationWords.Contains(previous)) return true;
        // "in West Croydon", "from North Shields".
        return i >= 2 && Directions.Contains(previous) && LocationWords.Contains(text.KeyAt(i - 2));
    }

    private static bool IsCustody(NameText text, int i)
    {
        if (i < 2 || text.KeyAt(i - 1) is not ("of" or "in" or "to" or "from")) return false;
        var before = text.KeyAt(i - 2);
        if (CustodyWords.Contains(before)) return before != "out" || text.KeyAt(i - 3) is "came" or "come" or "got" or "stay" or "stayed" or "keep" or "kept" or "just";
        // "sent down to X", "banged up in X", "locked up in X".
        return (before == "down" && text.KeyAt(i - 3) == "sent") || (before == "up" && text.KeyAt(i - 3) is "banged" or "locked");
    }
}
