using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Redaction-check items for proper names made of ordinary words ("places/unplaced"): capitalised words
/// in mid-sentence after an article or a place preposition ("at the Sage", "in High Down", "at Mayday",
/// "the Teams") are being used as a name, though no gazetteer knows it. Each is reported at low confidence
/// so a coder confirms it. Generic bodies ("the Trust", "the Home Office"), ordinary capitalised words and
/// words other detectors explain (months, drug names) are left alone.
/// </summary>
internal sealed class CapitalisedPhraseRecognizer(Gazetteers gazetteers) : ITokenRecognizer
{
    private const string Detector = "places/unplaced";
    private const double Confidence = 0.4;

    private static readonly HashSet<string> Introducers = new(StringComparer.Ordinal)
    {
        "the", "at", "in", "from", "to", "near", "round", "outside", "into", "via", "towards", "opposite", "behind",
    };

    public string Name => "capitalised-phrase";

    public IEnumerable<RecognizedSpan> Recognize(string text) => Recognize(NameText.Analyze(text));

    public IEnumerable<RecognizedSpan> Recognize(NameText text)
    {
        var tokens = text.Tokens;
        for (var i = 1; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (!t.IsCapitalised || t.SentenceStart || !Introducers.Contains(tokens[i - 1].Key) || tokens[i - 1].Shape != WordShape.Lower) continue;
            if (!gazetteers.Lexicon.IsCommon(t.Key)) continue; // unexplained or known names are the person and place detectors'
            var last = i;
            while (last + 1 < tokens.Count && last - i < 3 && tokens[last + 1].IsCapitalised && !tokens[last + 1].SentenceStart
                   && text.JoinedToNext(last) && !tokens[last].HasClitic)
                last++;
            if (Enumerable.Range(i, last - i + 1).Any(k => OrdinaryCapitalisedWords.Contains(tokens[k].Key)) || GenericBodies.Matches(text, i, last)) { i = last; continue; }
            // A head word alone or after generic words is a generic body ("the Trust", "the Drug Action Team").
            if (OrganisationNameRecognizer.IsHead(tokens[last].Key) && Enumerable.Range(i, last - i).All(k => OrganisationNameRecognizer.IsGeneric(tokens[k].Key))) { i = last; continue; }
            if (last == i && OrganisationNameRecognizer.IsGeneric(t.Key)) continue;
            var key = "place:" + string.Join(' ', tokens.Skip(i).Take(last - i + 1).Select(x => x.Key));
            yield return new RecognizedSpan(t.Start, tokens[last].CoreEnd, IdentifierKind.Location, key, Confidence, Detector);
            i = last;
        }
    }
}
