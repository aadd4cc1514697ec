using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// People the study lead did not list, decided word by word from the gazetteers and the context:
/// <list type="bullet">
/// <item>a capitalised known name not at a sentence start is a person ("names/gazetteer");</item>
/// <item>first name + surname, middle initials and nickname modifiers make one span ("Dave Pickering",
/// "Shane M Culp", "Big Dave");</item>
/// <item>a cue ("my mate X", "I'm X", "called X", "Thanks, X", "X said") accepts unknown nicknames and
/// lower-case or ALL-CAPS names from speech recognition ("names/context");</item>
/// <item>names that are also words ("will", "grace", "dawn") count in lower case only with a cue, and
/// with lower confidence when capitalised without one, so a coder decides;</item>
/// <item>a capitalised word mid-sentence that no list explains is reported at low confidence as a
/// redaction-check item ("names/unplaced") rather than silently kept.</item>
/// </list>
/// Place names are left to <see cref="PlaceNameRecognizer"/> unless a cue says they name a person.
/// </summary>
internal sealed class PersonNameRecognizer(Gazetteers gazetteers) : ITokenRecognizer
{
    private const string Gazetteer = "names/gazetteer";
    private const string Context = "names/context";
    private const string Unplaced = "names/unplaced";

    public string Name => "person";

    public IEnumerable<RecognizedSpan> Recognize(string text) => Recognize(NameText.Analyze(text));

    public IEnumerable<RecognizedSpan> Recognize(NameText text)
    {
        var tokens = text.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            // Fast path: most words are lower-case common words that are not first names ("the", "went").
            if (t.Shape == WordShape.Lower && !gazetteers.FirstNames.Contains(t.Key) && gazetteers.Lexicon.IsCommon(t.Key)) continue;
            if (!IsCandidate(t)) continue;
            var first = i;
            var head = i;
            // "Big Dave", "Little Mo": a capitalised modifier directly before a capitalised name-like word.
            // "the Old Bill", "the Big Issue" are not nicknames: nicknames take no article.
            if (t.IsCapitalised && NameCues.IsNicknameModifier(t.Key) && i + 1 < tokens.Count && text.JoinedToNext(i) && text.KeyAt(i - 1) != "the"
                && tokens[i + 1].IsCapitalised && !tokens[i + 1].SentenceStart && IsNameLike(tokens[i + 1], cased: true))
                head = i + 1;
            var h = tokens[head];
            var cased = h.IsCapitalised;
            var last = Extend(text, head, cased);
            if (PlaceFirst(text, first, last)) continue;
            // "Hyde Road", "Fenwick estate": a name before a street or estate word names the place.
            if (last + 1 < tokens.Count && text.JoinedToNext(last) && tokens[last + 1] is var next && !next.SentenceStart
                && PlacePatternRecognizer.IsPlaceWord(next.Key) && (next.Shape != WordShape.Lower || next.Key is "estate" or "estates")) continue;
            var before = NameCues.Before(text, first);
            var strength = before != CueStrength.None ? before : NameCues.After(text, last);
            if (NameCues.IsFunctionWord(h.Key)) strength = CueStrength.None;
            if (Decide(text, head, cased, strength, fullName: last > head, modifier: head > first) is not { } decision) continue;
            var end = tokens[last].CoreEnd;
            var key = "name:" + string.Join(' ', tokens.Skip(first).Take(last - first + 1).Select(x => x.Key));
            // An unexplained word after "in", "from", "moved to" is more likely a place than a person ("from Estonia").
            var kind = decision.Detector == Unplaced && PlaceLike(text, first) ? IdentifierKind.Location : IdentifierKind.Person;
            yield return new RecognizedSpan(tokens[first].Start, end, kind, key, decision.Confidence, decision.Detector);
            i = last;
        }
    }

    private bool IsCandidate(NameToken t) =>
        t.Shape is not WordShape.Other && t.Key.Length >= 2 && !OrdinaryCapitalisedWords.Contains(t.Key)
        && !OrdinaryCapitalisedWords.Contains(t.FullKey) && t.Key.All(c => char.IsLetter(c) || c is '\'' or '-');

    private bool IsCommon(NameToken t) => gazetteers.Lexicon.IsCommon(t.Key);

    private bool IsKnownName(NameToken t) => gazetteers.Names.Contains(t.Key) && !IsCommon(t) && !IsDemonym(t.Key);

    /// <summary>
    /// "American", "Italian", "Punjabi": dictionary proper terms shaped like nationalities or languages, which the
    /// surname list also holds; not names unless they are listed first names ("Brian", "Julian").
    /// </summary>
    private bool IsDemonym(string key) =>
        gazetteers.Lexicon.IsProper(key) && !gazetteers.FirstNames.Contains(key)
        && (key.EndsWith("an", StringComparison.Ordinal) || key.EndsWith("ese", StringComparison.Ordinal) || key.EndsWith("ish", StringComparison.Ordinal)
            || key.EndsWith("ic", StringComparison.Ordinal) || key.EndsWith("i", StringComparison.Ordinal));

    /// <summary>Neither a common word, a known proper term, a place nor an ordinary capitalised word.</summary>
    private bool IsUnexplained(NameToken t) =>
        !IsCommon(t) && !gazetteers.Names.Contains(t.Key) && !gazetteers.Lexicon.IsProper(t.Key) && IsCandidate(t);

    /// <summary>May follow a first name inside one full name (a surname, a second name, an unknown capitalised word).</summary>
    private bool IsNameLike(NameToken t, bool cased, bool allowWords = true)
    {
        if (!IsCandidate(t)) return false;
        if (cased && !t.IsCapitalised) return false;
        if (!cased && !t.IsCaseless) return false;
        if (IsKnownName(t) || IsUnexplained(t)) return true;
        // Surnames that are words ("Zoe Young", "Dave Green") only when capitalised, after a name that is
        // not itself a word ("Moss Side Health" is a place), and never a street or organisation word ("Hyde Road").
        return allowWords && cased && gazetteers.Names.Contains(t.Key) && !gazetteers.Lexicon.IsProper(t.Key)
            && !IsOrganisationHead(t.Key) && !PlacePatternRecognizer.IsPlaceWord(t.Key);
    }

    /// <summary>The last token of the full name starting at <paramref name="head"/>: surnames and middle initials.</summary>
    private int Extend(NameText text, int head, bool cased)
    {
        var tokens = text.Tokens;
        var last = head;
        var allowWords = !IsCommon(tokens[head]);
        for (var j = head + 1; j < tokens.Count && j <= head + 3; j++)
        {
            if (!text.JoinedToNext(j - 1) || tokens[j].SentenceStart || tokens[j - 1].HasClitic) break;
            var t = tokens[j];
            // A middle initial ("Shane M Culp", "Janka M. Szász", "eric g. samoylova") counts only when a surname
            // follows; after an initial the surname may be any capitalised word (or, in lower case, an unknown one).
            if (t.Key.Length == 1 && t.Key != "i" && t.Key.All(char.IsLetter) && (cased ? char.IsUpper(text.Text[t.Start]) : t.Shape == WordShape.Lower))
            {
                if (j + 1 < tokens.Count && text.JoinedToNext(j) && !tokens[j + 1].SentenceStart && AfterInitial(tokens[j + 1], cased)) { last = j + 1; j++; continue; }
                break;
            }
            if (!IsNameLike(t, cased, allowWords)) break;
            // In lower-case text only known names extend a name ("gary whelan"), never an unknown word.
            if (!cased && !IsKnownName(t)) break;
            last = j;
        }
        return last;
    }

    /// <summary>A GB place name starting here (and no longer name) is the place detector's, unless the word is a first name.</summary>
    private bool PlaceFirst(NameText text, int first, int last)
    {
        if (gazetteers.Places.LongestMatch(text, first, PlaceNameRecognizer.Joinable) is not { } place) return false;
        if (place.Last < last) return false;
        var t = text.Tokens[first];
        if (place.Last > first) return true;
        return !gazetteers.FirstNames.Contains(t.Key) || PlaceNameRecognizer.HasLocationCue(text, first);
    }

    private (double Confidence, string Detector)? Decide(NameText text, int head, bool cased, CueStrength strength, bool fullName, bool modifier)
    {
        var t = text.Tokens[head];
        var cue = strength != CueStrength.None;
        var gapAfter = text.GapAfter(head);
        var firstName = gazetteers.FirstNames.Contains(t.Key);
        var common = IsCommon(t);
        var known = IsKnownName(t);
        var unexplained = IsUnexplained(t);
        if (modifier) return (0.85, Context);
        if (cased)
        {
            if (!t.SentenceStart)
            {
                if (known || (firstName && !common)) return (0.9, Gazetteer);
                if (firstName && (cue || fullName)) return (0.85, Context);
                // "Primary Care Trust", "the Dog and Gun": a word-name inside a run of capitals is part of another name.
                if (firstName) return InCapitalisedRun(text, head) ? null : (0.6, Gazetteer);
                if (common) return strength == CueStrength.Strong ? (0.75, Context) : cue ? (0.6, Context) : null;
                if (gazetteers.Lexicon.IsProper(t.Key)) return cue ? (0.8, Context) : null;
                if (unexplained) return cue ? (0.85, Context) : (fullName ? 0.5 : 0.4, Unplaced);
                return null;
            }
            // A capital at a sentence start is no evidence: ask for more.
            if (firstName && !common) return (cue || fullName ? 0.9 : 0.85, Gazetteer);
            if (known) return cue || fullName ? (0.8, Gazetteer) : (gapAfter.Trim().StartsWith(",") ? 0.6 : 0.45, Gazetteer);
            if (firstName) return cue || fullName ? (0.7, Context) : null;
            // A singular count noun as a bare subject ("Spud goes, and..."): English needs "the" or "a" there.
            if (common && BareSubject(text, head)) return (0.45, Context);
            if (common || gazetteers.Lexicon.IsProper(t.Key)) return null;
            if (unexplained) return cue ? (0.75, Context) : (fullName ? 0.45 : 0.35, Unplaced);
            return null;
        }
        // Lower case or ALL CAPS (speech recognition): short capitals are acronyms; otherwise only a cue or a clear name.
        if (t.Shape == WordShape.AllCaps && t.Key.Length <= 4 && !firstName) return null;
        if (cue)
        {
            if (known || (firstName && !common) || (unexplained && !gazetteers.Lexicon.IsProper(t.Key))) return (0.75, Context);
            if (firstName && strength == CueStrength.Strong) return (0.5, Context);
            return null;
        }
        if (firstName && !common && t.Key.Length >= 3) return (fullName ? 0.7 : 0.6, Gazetteer);
        return null;
    }

    private bool AfterInitial(NameToken t, bool cased) =>
        IsCandidate(t) && (cased ? t.IsCapitalised && !IsOrganisationHead(t.Key) && !PlacePatternRecognizer.IsPlaceWord(t.Key)
                                 : t.IsCaseless && (IsKnownName(t) || IsUnexplained(t)));

    private static bool InCapitalisedRun(NameText text, int i)
    {
        var tokens = text.Tokens;
        if (i > 0 && tokens[i - 1].IsCapitalised && !tokens[i].SentenceStart && text.JoinedToNext(i - 1)) return true;
        if (i + 1 < tokens.Count && tokens[i + 1].IsCapitalised && !tokens[i + 1].SentenceStart && text.JoinedToNext(i)) return true;
        // "the Dog and Gun": capitals either side of "and".
        return i >= 2 && text.KeyAt(i - 1) == "and" && tokens[i - 2].IsCapitalised;
    }

    private static bool PlaceLike(NameText text, int i) =>
        text.KeyAt(i - 1) is "in" or "from" or "near" or "outside" or "across" or "towards" or "around" or "round"
        || (text.KeyAt(i - 1) == "to" && text.KeyAt(i - 2) is "moved" or "move" or "moving" or "travelling" or "traveling" or "going" or "went" or "go" or "back" or "flew" or "fly");

    private bool BareSubject(NameText text, int i) =>
        i + 1 < text.Tokens.Count && !NameCues.IsFunctionWord(text.Tokens[i].Key) && gazetteers.Lexicon.IsCountNoun(text.Tokens[i].Key)
        && NameCues.IsSubjectVerb(text.Tokens[i + 1].Key) && text.JoinedToNext(i) && !text.Tokens[i].HasClitic;

    /// <summary>Head words of organisation names, which are not surnames inside a person's name ("Dave House" aside).</summary>
    private static bool IsOrganisationHead(string key) => OrganisationNameRecognizer.IsHead(key);
}
