using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Places named by their form rather than a gazetteer ("places/pattern"): estates ("Fenside estate", the
/// span includes "estate" as policy says), pubs ("the Red Lion Inn", "the Anchor pub", pub name only), and
/// streets without a house number whose suffix the rules engine does not cover ("Laurel Close", "Mill
/// Way"). Weak suffixes ("Way", "Hill", "View") need a name-like word, not a common one, before them.
/// </summary>
internal sealed class PlacePatternRecognizer(Gazetteers gazetteers) : ITokenRecognizer
{
    private const string Detector = "places/pattern";

    private static readonly HashSet<string> StrongStreet = new(StringComparer.Ordinal)
    {
        "close", "drive", "grove", "gardens", "mews", "parade", "street", "road", "lane", "avenue", "crescent", "terrace", "boulevard",
    };

    private static readonly HashSet<string> WeakStreet = new(StringComparer.Ordinal)
    {
        "way", "place", "hill", "row", "walk", "square", "rise", "vale", "green", "view", "bank", "gate", "broadway", "wharf", "yard",
    };

    private static readonly HashSet<string> NotEstateNames = new(StringComparer.Ordinal)
    {
        "council", "housing", "industrial", "real", "trading", "business", "the", "an", "our", "that", "this", "big", "whole", "new", "old",
    };

    public string Name => "place-pattern";

    /// <summary>True for a street suffix or the word "estate" (folded key).</summary>
    public static bool IsPlaceWord(string key) => StrongStreet.Contains(key) || WeakStreet.Contains(key) || key is "estate" or "estates";

    public IEnumerable<RecognizedSpan> Recognize(string text) => Recognize(NameText.Analyze(text));

    public IEnumerable<RecognizedSpan> Recognize(NameText text)
    {
        var tokens = text.Tokens;
        for (var h = 1; h < tokens.Count; h++)
        {
            var t = tokens[h];
            var key = t.Key;
            if (key == "estate" || key == "estates")
            {
                var first = NameStart(text, h, 2);
                if (first < h && !NotEstateNames.Contains(tokens[first].Key))
                    yield return Span(text, first, h, h, 0.85);
            }
            else if (key is "arms" or "inn" or "tavern" && t.IsCapitalised)
            {
                var first = NameStart(text, h, 3);
                if (first < h) yield return Span(text, first, h, h, 0.8);
            }
            else if (key == "pub" && t.Shape == WordShape.Lower)
            {
                var first = NameStart(text, h, 3);
                if (first < h) yield return Span(text, first, h - 1, h - 1, 0.75);
            }
            else if (key == "and" && t.Shape == WordShape.Lower && h >= 2 && h + 1 < tokens.Count && text.KeyAt(h - 2) == "the"
                     && tokens[h - 1].IsCapitalised && tokens[h + 1].IsCapitalised && !tokens[h - 1].SentenceStart && !tokens[h + 1].SentenceStart
                     && text.JoinedToNext(h - 1) && text.JoinedToNext(h)
                     && gazetteers.Lexicon.IsCommon(tokens[h - 1].Key) && gazetteers.Lexicon.IsCommon(tokens[h + 1].Key)
                     && !OrdinaryCapitalisedWords.Contains(tokens[h - 1].Key) && !OrdinaryCapitalisedWords.Contains(tokens[h + 1].Key))
            {
                // "the Dog and Gun", "the Rose and Crown": how English pubs are named; a coder confirms.
                yield return Span(text, h - 1, h + 1, h + 1, 0.5);
            }
            else if ((StrongStreet.Contains(key) || WeakStreet.Contains(key)) && t.IsCapitalised && !t.SentenceStart)
            {
                var first = NameStart(text, h, 2);
                if (first == h) continue;
                var weak = WeakStreet.Contains(key);
                if (weak && Enumerable.Range(first, h - first).All(k => gazetteers.Lexicon.IsCommon(tokens[k].Key))) continue;
                yield return Span(text, first, h, h, weak ? 0.55 : 0.75);
            }
        }
    }

    /// <summary>The first of up to <paramref name="max"/> capitalised, joined words before token <paramref name="h"/> in one sentence.</summary>
    private static int NameStart(NameText text, int h, int max)
    {
        var first = h;
        while (first - 1 >= 0 && h - (first - 1) <= max && text.Tokens[first - 1].IsCapitalised && !text.Tokens[first - 1].HasClitic
               && text.JoinedToNext(first - 1) && !text.Tokens[first].SentenceStart
               && !OrdinaryCapitalisedWords.Contains(text.Tokens[first - 1].Key) && text.Tokens[first - 1].Key != "the")
            first--;
        // A sentence-initial word before a street is more often "Then", "Past" than part of the name.
        return first;
    }

    private static RecognizedSpan Span(NameText text, int first, int last, int keyLast, double confidence)
    {
        var key = "place:" + string.Join(' ', text.Tokens.Skip(first).Take(keyLast - first + 1).Select(x => x.Key));
        return new RecognizedSpan(text.Tokens[first].Start, text.Tokens[last].CoreEnd, IdentifierKind.Location, key, confidence, Detector);
    }
}
