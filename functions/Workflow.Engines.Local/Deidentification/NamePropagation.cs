using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Once a transcript has named someone with confidence ("They call him Spider", "my mate Shaz"), every
/// other mention of that word in the same transcript is the same person ("Spider's been clean",
/// "Mouse'll tell you"), even where nothing around it says so ("names/propagated"). Only confident
/// findings seed it; a common word in lower case ("the mouse") is reported for a coder to confirm.
/// </summary>
internal sealed class NamePropagation(Gazetteers gazetteers)
{
    private const string Detector = "names/propagated";
    private const double SeedAtLeast = 0.7;

    /// <summary>Adds the single-word keys of confident person findings (each word of a full name that is not a common word).</summary>
    public void AddSeeds(HashSet<string> seeds, NameText text, IEnumerable<RecognizedSpan> spans)
    {
        foreach (var span in spans)
        {
            if (span.Kind != IdentifierKind.Person || span.Confidence < SeedAtLeast) continue;
            var words = text.Tokens.Where(t => t.Start >= span.Start && t.CoreEnd <= span.End).ToList();
            foreach (var t in words)
                if (words.Count == 1 || (!gazetteers.Lexicon.IsCommon(t.Key) && !NameCues.IsNicknameModifier(t.Key) && t.Key.Length > 1))
                    seeds.Add(t.Key);
        }
    }

    /// <summary>
    /// A cheap test before analysing a text again: whether any seed occurs in it as plain letters. A mention
    /// disguised with zero-width or full-width characters is missed here, but those are found by the first pass.
    /// </summary>
    public bool MayMention(string text, HashSet<string> seeds)
    {
        foreach (var seed in seeds)
            if (text.Contains(seed, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Mentions of a seed in <paramref name="text"/> that no existing span covers.</summary>
    public IEnumerable<RecognizedSpan> Find(NameText text, HashSet<string> seeds, IReadOnlyList<RecognizedSpan> existing)
    {
        if (seeds.Count == 0) yield break;
        foreach (var t in text.Tokens)
        {
            if (!seeds.Contains(t.Key) || existing.Any(s => s.Start < t.CoreEnd && t.Start < s.End)) continue;
            var common = gazetteers.Lexicon.IsCommon(t.Key);
            var confidence = t.Shape switch
            {
                WordShape.Capitalised => 0.8,
                _ when common => 0.5,
                _ => 0.7,
            };
            yield return new RecognizedSpan(t.Start, t.CoreEnd, IdentifierKind.Person, "name:" + t.Key, confidence, Detector);
        }
    }
}
