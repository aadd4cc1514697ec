namespace Workflow.Engines.Local.Transcription.Vocabulary;

/// <summary>Which English the espeak-ng voice spoke: decides how r-coloured vowels map to ARPAbet.</summary>
internal enum EnglishAccent
{
    /// <summary>en-us: rhotic, so "square" keeps its R and "letter" ends in ER.</summary>
    American,

    /// <summary>en-gb: non-rhotic, so "square" ends in EH and "letter" in AH.</summary>
    British,
}

/// <summary>
/// Maps espeak-ng's English phoneme mnemonics (its <c>-x --sep=|</c> output) to the CMU/ARPAbet phone
/// set of PocketSphinx's en-us acoustic model (the 39 phones listed in its <c>mdef</c>; the dictionary
/// carries no stress). Stress marks are dropped. Syllabic consonants become AH plus the consonant, as
/// cmudict writes them ("bottle" B AA T AH L). A symbol not in the table is retried without espeak's
/// variant suffix (<c>#</c>) and length mark (<c>:</c>); if still unknown it is dropped, which costs
/// one phone of a pronunciation rather than the whole word.
/// </summary>
internal static class EspeakPhonemes
{
    /// <summary>The context-independent phones of the en-us acoustic model (silence and noise phones excluded).</summary>
    public static readonly IReadOnlySet<string> ArpabetPhones = new HashSet<string>(StringComparer.Ordinal)
    {
        "AA", "AE", "AH", "AO", "AW", "AY", "B", "CH", "D", "DH", "EH", "ER", "EY", "F", "G", "HH", "IH", "IY", "JH",
        "K", "L", "M", "N", "NG", "OW", "OY", "P", "R", "S", "SH", "T", "TH", "UH", "UW", "V", "W", "Y", "Z", "ZH",
    };

    // The same in both accents. Vowel qualities follow cmudict's (American) choices, since that is what the
    // acoustic model was trained on: the British LOT vowel (0) is AA as in cmudict's "lot".
    private static readonly Dictionary<string, string[]> Common = new(StringComparer.Ordinal)
    {
        ["p"] = ["P"], ["b"] = ["B"], ["t"] = ["T"], ["d"] = ["D"], ["k"] = ["K"], ["g"] = ["G"],
        ["f"] = ["F"], ["v"] = ["V"], ["T"] = ["TH"], ["D"] = ["DH"], ["s"] = ["S"], ["z"] = ["Z"],
        ["S"] = ["SH"], ["Z"] = ["ZH"], ["h"] = ["HH"], ["m"] = ["M"], ["n"] = ["N"], ["N"] = ["NG"],
        ["l"] = ["L"], ["r"] = ["R"], ["j"] = ["Y"], ["w"] = ["W"], ["tS"] = ["CH"], ["dZ"] = ["JH"],
        // Approximations: the Scots "loch" fricative has no ARPAbet phone; K is what English speakers fall back to.
        ["x"] = ["K"], ["C"] = ["HH"],
        // American flap (t#) and British glottal stop (?) both stand for a /t/ in the spelling.
        ["t#"] = ["T"], ["d#"] = ["D"], ["?"] = ["T"],
        // Syllabic consonants.
        ["@L"] = ["AH", "L"], ["l-"] = ["AH", "L"], ["n-"] = ["AH", "N"], ["m-"] = ["AH", "M"],
        // Monophthongs and reduced vowels.
        ["@"] = ["AH"], ["@2"] = ["AH"], ["@5"] = ["AH"], ["a#"] = ["AH"], ["V"] = ["AH"],
        ["a"] = ["AE"], ["A:"] = ["AA"], ["0"] = ["AA"], ["O2"] = ["AO"], ["O:"] = ["AO"],
        ["E"] = ["EH"], ["e"] = ["EH"], ["I"] = ["IH"], ["I#"] = ["IH"], ["I2"] = ["IH"],
        ["i"] = ["IY"], ["i:"] = ["IY"], ["U"] = ["UH"], ["u:"] = ["UW"], ["3:"] = ["ER"],
        // Diphthongs.
        ["aI"] = ["AY"], ["eI"] = ["EY"], ["OI"] = ["OY"], ["aU"] = ["AW"], ["oU"] = ["OW"], ["@U"] = ["OW"], ["o"] = ["OW"],
    };

    // Where the accents differ: r-coloured vowels keep their R only when the speaker is rhotic, and the
    // BATH vowel (aa) is the TRAP vowel in America but the PALM vowel in England.
    private static readonly Dictionary<string, string[]> American = new(StringComparer.Ordinal)
    {
        ["3"] = ["ER"], ["e@"] = ["EH", "R"], ["i@"] = ["IH", "R"], ["i@3"] = ["IH", "R"], ["U@"] = ["UH", "R"],
        ["A@"] = ["AA", "R"], ["O@"] = ["AO", "R"], ["o@"] = ["AO", "R"], ["aI@"] = ["AY", "ER"], ["aI3"] = ["AY", "ER"],
        ["aU@"] = ["AW", "ER"], ["r-"] = ["R"], ["aa"] = ["AE"],
    };

    private static readonly Dictionary<string, string[]> British = new(StringComparer.Ordinal)
    {
        ["3"] = ["AH"], ["e@"] = ["EH"], ["i@"] = ["IH", "AH"], ["i@3"] = ["IH", "AH"], ["U@"] = ["UH", "AH"],
        ["A@"] = ["AA"], ["O@"] = ["AO"], ["o@"] = ["AO"], ["aI@"] = ["AY", "AH"], ["aI3"] = ["AY", "AH"],
        ["aU@"] = ["AW", "AH"], ["r-"] = [], ["aa"] = ["AA"],
    };

    /// <summary>Marks espeak puts before a phoneme: primary, secondary, unstressed and extra stress.</summary>
    private static readonly char[] StressMarks = ['\'', ',', '%', '=', '!'];

    /// <summary>
    /// The ARPAbet phones for one word's espeak-ng output: phonemes separated by <c>|</c> (and by spaces
    /// where espeak split the word, e.g. "mcallister" as "m@k alIst3"). Empty when nothing maps.
    /// </summary>
    public static IReadOnlyList<string> ToArpabet(string espeakPhonemes, EnglishAccent accent)
    {
        var phones = new List<string>();
        foreach (var raw in espeakPhonemes.Split(['|', ' '], StringSplitOptions.RemoveEmptyEntries))
        {
            var symbol = raw.Trim(StressMarks);
            if (symbol.Length == 0 || symbol.StartsWith('_')) continue; // stress-only or a pause
            if (Lookup(symbol, accent) is not { } mapped) continue;
            foreach (var phone in mapped)
            {
                // espeak writes "Morag" as O@ r: the rhotic vowel's R and the consonant must not make R R.
                if (phone == "R" && phones.Count > 0 && phones[^1] == "R") continue;
                phones.Add(phone);
            }
        }
        return phones;
    }

    /// <summary>The phones for one symbol, or null when it is unknown even without its variant and length marks.</summary>
    internal static string[]? Lookup(string symbol, EnglishAccent accent)
    {
        var byAccent = accent == EnglishAccent.American ? American : British;
        foreach (var candidate in new[] { symbol, symbol.TrimEnd('#'), symbol.Replace(":", "", StringComparison.Ordinal).TrimEnd('#') })
        {
            if (byAccent.TryGetValue(candidate, out var phones) || Common.TryGetValue(candidate, out phones)) return phones;
        }
        return null;
    }
}
