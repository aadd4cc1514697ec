namespace Workflow.Engines.Local.Coding;

/// <summary>
/// The most frequent content words of English, with their inflected forms: the Oxford English
/// Corpus's 25 most common nouns, verbs and adjectives, and the discourse words that head every
/// frequency list of spoken English. Such a word is in nearly every turn of an interview whatever
/// its topic, so on its own it says little about which code applies ("right" next to rights, "time"
/// next to resources). Function words are <see cref="CompiledCodebook"/>'s stop words; the list is
/// general English on purpose, never drawn from a study's transcripts.
/// </summary>
internal static class CommonWords
{
    private static readonly HashSet<string> Forms = new[]
    {
        // Nouns
        "time", "times", "person", "persons", "people", "year", "years", "way", "ways", "day", "days",
        "thing", "things", "man", "men", "world", "worlds", "life", "lives", "hand", "hands", "part", "parts",
        "child", "children", "eye", "eyes", "woman", "women", "place", "places", "work", "works", "week", "weeks",
        "case", "cases", "point", "points", "government", "governments", "company", "companies", "number", "numbers",
        "group", "groups", "problem", "problems", "fact", "facts",
        // Verbs (be, have and do are stop words)
        "say", "says", "said", "saying", "get", "gets", "got", "getting", "gotten", "make", "makes", "made", "making",
        "go", "goes", "went", "going", "gone", "know", "knows", "knew", "knowing", "known",
        "take", "takes", "took", "taking", "taken", "see", "sees", "saw", "seeing", "seen",
        "come", "comes", "came", "coming", "think", "thinks", "thought", "thinking", "look", "looks", "looked", "looking",
        "want", "wants", "wanted", "wanting", "give", "gives", "gave", "giving", "given", "use", "uses", "used", "using",
        "find", "finds", "found", "finding", "tell", "tells", "told", "telling", "ask", "asks", "asked", "asking",
        "worked", "working", "seem", "seems", "seemed", "feel", "feels", "felt", "feeling",
        "try", "tries", "tried", "trying", "leave", "leaves", "left", "leaving", "call", "calls", "called", "calling",
        // Adjectives
        "good", "better", "best", "new", "newer", "first", "last", "long", "longer", "great", "little", "own", "other", "others",
        "old", "older", "right", "big", "bigger", "high", "higher", "different", "small", "smaller", "large", "larger",
        "next", "early", "earlier", "young", "younger", "important", "few", "fewer", "public", "bad", "worse", "worst", "same", "able",
        // Discourse words of speech
        "yeah", "yes", "well", "really", "actually", "okay", "ok", "mean", "means", "meant", "sort", "kind", "lot", "lots", "bit",
    }.ToHashSet(StringComparer.Ordinal);

    /// <summary>True for <paramref name="folded"/> (lower case, no apostrophes) as one of those words.</summary>
    public static bool Contains(string folded) => Forms.Contains(folded);
}
