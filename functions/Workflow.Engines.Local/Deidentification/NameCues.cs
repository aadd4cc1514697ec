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

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "i", "you", "he", "she", "it", "we", "they", "me", "him", "her", "us", "them", "this", "that", "these", "those", "there", "here",
        "who", "what", "which", "someone", "somebody", "something", "anyone", "anybody", "anything", "everyone", "everybody",
        "everything", "nobody", "nothing", "none", "noone", "nowt", "owt", "all", "both", "each", "some", "any", "one", "ones",
        "the", "a", "an", "and", "but", "or", "so", "then", "just", "also", "still", "even", "only", "now", "again", "well",
        "my", "your", "his", "its", "our", "their", "mine", "yours", "ours", "theirs", "myself", "yourself", "himself", "herself",
        "had", "has", "have", "was", "were", "is", "are", "be", "been", "being", "do", "does", "did", "would", "could", "should",
        "might", "must", "shall", "got", "get", "gets",
        "how", "why", "when", "where", "whether", "if", "whatever", "whoever", "wherever", "however", "because", "though",
        "glad", "sure", "fine", "sorry", "not", "never", "always", "really", "very", "too", "here's", "there's", "people", "staff",
    };

    private static readonly HashSet<string> SubjectVerbs = new(StringComparer.Ordinal)
    {
        "goes", "says", "said", "reckons", "comes", "came", "went", "told", "knows", "thinks", "does", "did", "got", "gets", "has",
        "had", "is", "was", "used", "uses", "lives", "lived", "works", "worked", "wants", "wanted", "runs", "ran", "asked", "rang",
    };

    private static readonly HashSet<string> NicknameModifiers = new(StringComparer.Ordinal)
    {
        "big", "little", "lil", "young", "old", "mad", "fat", "skinny", "scouse", "geordie", "scotch", "ginger", "tall", "long",
        "daft", "crazy", "wee", "posh", "mental", "dirty", "fast", "quiet", "tiny", "baby", "cockney",
    };

    /// <summary>True when a modifier such as "Big" or "Little" may be part of a nickname ("Big Dave").</summary>
    public static bool IsNicknameModifier(string key) => NicknameModifiers.Contains(key);

    /// <summary>
    /// Whether the words before token <paramref name="i"/> introduce a name: strongly when they say someone is
    /// named or related ("called X", "call me X", "my son X"), weakly when they only allow it ("I'm X",
    /// "Thanks, X", "ask for X"), where X could as well be an adjective or a noun.
    /// </summary>
    public static CueStrength Before(NameText text, int i)
    {
        if (i == 0) return CueStrength.None;
        // A cue never reaches across a sentence break ("...my mate. Gary said").
        if (text.Tokens[i].SentenceStart) return CueStrength.None;
        var previous = text.KeyAt(i - 1);
        var previousFull = text.Tokens[i - 1].FullKey;
        var before = text.KeyAt(i - 2);
        if (previous is "called" or "named" or "nicknamed" or "christened" || previousFull == "name's") return CueStrength.Strong;
        if ((previous == "is" && before == "name") || (previous == "as" && before == "known")) return CueStrength.Strong;
        if (previous is "me" or "him" or "her" or "them" && before is "call" or "calls" or "called" or "calling" or "named" or "christened" or "nicknamed")
            return CueStrength.Strong;
        if (Introducers.Contains(previousFull) || Introducers.Contains(previous))
            return previous == "ask" && before == "i" ? CueStrength.None : CueStrength.Weak;
        if (previous == "am" && before == "i") return CueStrength.Weak;
        if (previous == "for" && before is "ask" or "asked") return CueStrength.Weak;
        if (previous == "you" && before == "thank") return CueStrength.Weak;
        if (Relations.Contains(previous))
        {
            // "my mate X", "her eldest son X", "my little girl, X", "my partner's name X".
            for (var k = i - 2; k >= Math.Max(0, i - 4); k--)
            {
                if (Determiners.Contains(text.KeyAt(k)) || text.Tokens[k].HasClitic) return CueStrength.Strong;
                if (text.Tokens[k + 1].SentenceStart) break;
            }
        }
        return CueStrength.None;
    }

    private static bool StartsLine(NameText text, int i)
    {
        var first = i;
        while (first > 0 && i - first < 3 && !text.Tokens[first].SentenceStart) first--;
        if (!text.Tokens[first].SentenceStart) return false;
        var gap = text.GapBefore(first);
        return first == 0 ? gap.Trim().IsEmpty : gap.Contains('\n');
    }

    /// <summary>Pronouns, determiners and quantifiers: a cue before or after them ("They said", "I'm glad") never makes them names.</summary>
    public static bool IsFunctionWord(string key) => FunctionWords.Contains(key);

    /// <summary>Third-person verbs that follow a bare subject ("Spud goes", "Tank reckons").</summary>
    public static bool IsSubjectVerb(string key) => SubjectVerbs.Contains(key);

    /// <summary>Whether the words after token <paramref name="last"/> show it was a name: weakly "X said", strongly "X, my girlfriend" or a "X:" label.</summary>
    public static CueStrength After(NameText text, int last)
    {
        var gap = text.GapAfter(last);
        // A speaker label written into the text at the start of a line ("John: You saved my life!").
        if (gap.StartsWith(":") && StartsLine(text, last)) return CueStrength.Strong;
        if (last + 1 >= text.Tokens.Count || text.Tokens[last + 1].SentenceStart) return CueStrength.None;
        var next = text.KeyAt(last + 1);
        if (Reporting.Contains(next) && !gap.Contains(',')) return CueStrength.Weak;
        if (gap.Trim().SequenceEqual(",") && next is "my" or "his" or "her" or "our" or "their" && Relations.Contains(text.KeyAt(last + 2)))
            return CueStrength.Strong;
        return CueStrength.None;
    }
}
