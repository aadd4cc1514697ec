namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Words around a name that say a person is being named: "my mate X", "her son X", "I'm X", "called X",
/// "Thanks, X", "X said", "X, my girlfriend". Cues let a detector accept a word it could not accept on its
/// own: a lower-case name in speech-recognition text, or an unknown nickname. Folded keys.
/// </summary>
internal static class NameCues
{
    private static readonly HashSet<string> Relations = new(StringComparer.Ordinal)
    {
        "mate", "mates", "friend", "friends", "pal", "partner", "boyfriend", "girlfriend", "husband", "wife", "son", "daughter",
        "brother", "sister", "mum", "mam", "mother", "dad", "father", "cousin", "uncle", "auntie", "aunt", "nan", "nana", "gran",
        "grandad", "granddad", "grandson", "granddaughter", "niece", "nephew", "fella", "missus", "ex", "keyworker", "worker",
        "counsellor", "kid", "kids", "lad", "boy", "girl", "baby", "bairn", "babby", "neighbour", "mentor", "sponsor", "colleague",
        "boss", "manager", "stepdad", "stepmum", "stepson", "stepdaughter", "sis", "bro", "buddy", "mucker", "officer", "doctor",
        "psychiatrist", "dealer", "youngest", "eldest", "oldest", "twin", "fiance", "fiancee", "landlord", "landlady", "cellmate",
        "name", "names",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.Ordinal)
    {
        "my", "his", "her", "our", "their", "your", "me", "a", "the", "one",
    };

    private static readonly HashSet<string> Introducers = new(StringComparer.Ordinal)
    {
        "called", "named", "call", "calls", "i'm", "im", "name's", "names", "thanks", "cheers", "hi", "hello", "hiya", "bye",
        "ta", "dear", "morning", "evening", "ask", "nicknamed", "christened",
    };

    private static readonly HashSet<string> Reporting = new(StringComparer.Ordinal)
    {
        "said", "says", "told", "tells", "reckons", "reckoned", "asked", "asks", "replied", "mentioned", "shouted", "rang", "texted",
    };

    private static readonly HashSet<string> NicknameModifiers = new(StringComparer.Ordinal)
    {
        "big", "little", "lil", "young", "old", "mad", "fat", "skinny", "scouse", "geordie", "scotch", "ginger", "tall", "long",
        "daft", "crazy", "wee", "posh", "mental", "dirty", "fast", "quiet", "tiny", "baby", "cockney",
    };

    /// <summary>True when a modifier such as "Big" or "Little" may be part of a nickname ("Big Dave").</summary>
    public static bool IsNicknameModifier(string key) => NicknameModifiers.Contains(key);

    /// <summary>Whether the words before token <paramref name="i"/> introduce a name.</summary>
    public static bool Before(NameText text, int i)
    {
        if (i == 0) return false;
        // A cue never reaches across a sentence break ("...my mate. Gary said").
        if (text.Tokens[i].SentenceStart) return false;
        var previous = text.KeyAt(i - 1);
        var previousFull = text.Tokens[i - 1].FullKey;
        if (Introducers.Contains(previousFull) || Introducers.Contains(previous)) return previous != "ask" || text.KeyAt(i - 2) != "i";
        if (previous == "am" && text.KeyAt(i - 2) == "i") return true;
        if (previous == "is" && text.KeyAt(i - 2) == "name") return true;
        if (previous == "as" && text.KeyAt(i - 2) == "known") return true;
        if (previous == "for" && text.KeyAt(i - 2) is "ask" or "asked") return true;
        if (previous == "you" && text.KeyAt(i - 2) == "thank") return true;
        if (Relations.Contains(previous))
        {
            // "my mate X", "her eldest son X", "my little girl, X", "my partner's name X".
            for (var k = i - 2; k >= Math.Max(0, i - 4); k--)
            {
                if (Determiners.Contains(text.KeyAt(k)) || text.Tokens[k].HasClitic) return true;
                if (text.Tokens[k + 1].SentenceStart) break;
            }
        }
        return false;
    }

    /// <summary>Whether the words after token <paramref name="last"/> show it was a name ("X said", "X, my girlfriend").</summary>
    public static bool After(NameText text, int last)
    {
        if (last + 1 >= text.Tokens.Count || text.Tokens[last + 1].SentenceStart) return false;
        var next = text.KeyAt(last + 1);
        var gap = text.GapAfter(last);
        if (Reporting.Contains(next) && !gap.Contains(',')) return true;
        if (gap.Trim().SequenceEqual(",") && next is "my" or "his" or "her" or "our" or "their" && Relations.Contains(text.KeyAt(last + 2)))
            return true;
        return false;
    }
}
