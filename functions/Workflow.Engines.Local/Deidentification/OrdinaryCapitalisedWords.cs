namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Capitalised words that are never identifiers in these interviews, so a capital on them is no evidence
/// of a name: the pronoun I, days and months, interjections, speaker tags, kinship terms used as names
/// ("my Mam"), drug names and slang, faiths and festivals, and the generic or national bodies policy
/// leaves unlabelled (NHS, the police, probation, Narcotics Anonymous, the DAT, the PCT, FRANK...).
/// Folded keys; checked before any gazetteer.
/// </summary>
internal static class OrdinaryCapitalisedWords
{
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "i", "i'm", "i've", "i'll", "i'd", "im", "ive",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mondays", "tuesdays", "wednesdays",
        "thursdays", "fridays", "saturdays", "sundays",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "oh", "ah", "erm", "um", "umm", "er", "eh", "aye", "yeah", "yep", "yes", "no", "nah", "ok", "okay", "right", "well", "so",
        "like", "hmm", "mm", "wow", "ooh", "cheers", "ta", "hiya", "hello", "hi", "bye", "sorry", "please", "thanks",
        "interviewer", "participant", "facilitator", "speaker", "respondent", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8",
        "mum", "mam", "mom", "ma", "dad", "da", "nan", "nana", "gran", "grandad", "granddad", "grandma", "grandpa", "mother", "father",
        "god", "jesus", "christ", "allah", "lord", "bible", "koran", "quran", "christmas", "easter", "ramadan", "eid", "diwali",
        "methadone", "subutex", "suboxone", "heroin", "smack", "crack", "cocaine", "coke", "charlie", "speed", "gear", "brown",
        "diamorphine", "buprenorphine", "naltrexone", "physeptone", "valium", "diazepam", "temazepam", "jellies", "tramadol",
        "codeine", "ecstasy", "mdma", "ketamine", "cannabis", "skunk", "weed", "spice", "benzos", "methadone's", "df118",
        "nhs", "nta", "dat", "pct", "pcts", "dats", "dip", "dtto", "dttos", "drr", "carat", "carats", "pals", "na", "aa",
        "ca", "gp", "gps", "cmht", "cjit", "hmp", "mp", "mps", "ui", "sure", "start", "jobcentre", "police", "probation",
        "council", "government", "parliament", "whitehall", "tier", "class", "section", "act", "strategy", "narcotics", "anonymous",
        "alcoholics", "cocaine's", "internet", "web", "email", "mr", "mrs", "ms", "miss", "dr", "sir", "madam",
        "commissioner", "commissioners", "manager", "director", "chair", "chairman", "chairwoman", "chairperson", "coordinator",
        "consultant", "mayor", "minister", "secretary", "governor", "inspector", "superintendent", "magistrate", "bishop", "vicar",
        "pastor", "imam", "rabbi", "president", "chief", "executive", "officer", "lead", "head",
        "english", "british", "scottish", "welsh", "irish", "asian", "black", "white", "punjabi", "urdu",
    };

    // Endings of medicine names ("Lisinopril", "Bisoprolol", "Clindamycin"): capitalised as brands, never people.
    private static readonly string[] MedicineEndings =
    [
        "pril", "olol", "mycin", "micin", "cillin", "oxacin", "azole", "prazole", "dipine", "statin", "sartan", "oxetine", "azepam",
        "azolam", "triptan", "tidine", "fenac", "profen", "cycline", "semide", "thiazide", "vudine", "lukast", "gliptin", "formin",
        "glitazone", "olone", "xaban", "parin", "codone", "morphine", "caine", "pramine", "tadine", "fenadine", "furantoin", "oprim",
        "amol", "azine", "apine", "idone", "oxone", "ethasone", "lyte", "mab", "nib", "vir",
    ];

    /// <summary>True when <paramref name="key"/> (folded) is an ordinary capitalised word, a medicine name or a hesitation.</summary>
    public static bool Contains(string key) => Words.Contains(key) || IsHesitation(key) || IsMedicine(key);

    private static readonly HashSet<string> MedicineEndingSet = new(MedicineEndings, StringComparer.Ordinal);
    private static readonly int LongestEnding = MedicineEndings.Max(e => e.Length);

    private static bool IsMedicine(string key)
    {
        if (key.Length < 7) return false;
        // One hash lookup per ending length, not one comparison per ending: this runs on every capitalised word.
        var lookup = MedicineEndingSet.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var length = 3; length <= LongestEnding && length < key.Length; length++)
            if (lookup.Contains(key.AsSpan(key.Length - length))) return true;
        return false;
    }

    /// <summary>Drawn-out hesitations and backchannels ("Ohh", "Mmm", "Ummm", "Hmmm", "Errr"): letters repeated, few distinct.</summary>
    private static bool IsHesitation(string key)
    {
        if (key.Length < 2 || key.Length > 8) return false;
        Span<char> collapsed = stackalloc char[key.Length];
        var n = 0;
        foreach (var c in key)
            if (n == 0 || collapsed[n - 1] != c) collapsed[n++] = c;
        var core = collapsed[..n];
        foreach (var h in Hesitations)
            if (core.SequenceEqual(h)) return true;
        return false;
    }

    private static readonly string[] Hesitations = ["oh", "m", "um", "hm", "ah", "er", "erm", "eh", "uh", "ow", "aw", "sh", "mhm", "uhuh", "ahah", "aha", "oho", "ha", "haha"];
}
