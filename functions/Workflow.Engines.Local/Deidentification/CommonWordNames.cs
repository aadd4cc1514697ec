namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Names and nicknames that are also everyday English words ("hope", "will", "may"). A lower-case or
/// sentence-initial match of one of these may be the ordinary word, so a coder confirms it.
/// </summary>
internal static class CommonWordNames
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "will", "hope", "grace", "may", "bill", "mark", "frank", "dawn", "sue", "rose", "jack",
        "faith", "joy", "pat", "rob", "june", "april", "august", "summer", "holly", "ivy", "daisy",
        "ruby", "pearl", "penny", "sandy", "rusty", "chase", "drew", "gene", "guy", "ray", "art",
        "sky", "dean", "miles", "amber", "iris", "heather", "violet", "robin", "sunny", "angel",
        "king", "page", "carol", "nick", "don", "eve", "harry", "ted", "jay", "lily", "poppy",
        "crystal", "brook", "hunter", "cash", "glen", "tank", "mouse", "spud", "chuck", "bob", "rich",
    };

    public static bool Contains(ReadOnlySpan<char> word) => Words.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);
}
