namespace Workflow.Engines.Local.Transcription.Vocabulary;

/// <summary>
/// The study's entries for a PocketSphinx pronunciation dictionary, appended to a copy of the installed
/// one: its lines are copied unchanged (a word it knows keeps its own pronunciations), and each new word
/// gets its pronunciations as <c>word</c>, <c>word(2)</c>, ... in the order given.
/// </summary>
internal static class DictionaryExtension
{
    /// <summary>
    /// The lines to append for <paramref name="pronunciations"/>, skipping words <paramref name="known"/>
    /// already holds, phones outside the acoustic model's set, and repeated pronunciations.
    /// </summary>
    public static IReadOnlyList<string> Lines(IReadOnlyDictionary<string, IReadOnlyList<string>> pronunciations, IReadOnlySet<string> known)
    {
        var lines = new List<string>();
        foreach (var (word, alternatives) in pronunciations.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (known.Contains(word)) continue;
            var distinct = alternatives
                .Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Where(phones => phones.Length > 0 && phones.All(EspeakPhonemes.ArpabetPhones.Contains))
                .Select(phones => string.Join(' ', phones))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            for (var i = 0; i < distinct.Count; i++)
                lines.Add(i == 0 ? $"{word} {distinct[i]}" : $"{word}({i + 1}) {distinct[i]}");
        }
        return lines;
    }

    /// <summary>Writes the installed dictionary plus <paramref name="lines"/> to <paramref name="target"/>.</summary>
    public static async Task WriteAsync(string installed, IReadOnlyList<string> lines, string target, CancellationToken cancellationToken)
    {
        File.Copy(installed, target);
        var endsWithNewline = true;
        await using (var existing = File.OpenRead(target))
        {
            if (existing.Length > 0)
            {
                existing.Position = existing.Length - 1;
                endsWithNewline = existing.ReadByte() == '\n';
            }
        }
        var text = (endsWithNewline ? "" : "\n") + string.Concat(lines.Select(l => l + "\n"));
        await File.AppendAllTextAsync(target, text, cancellationToken).ConfigureAwait(false);
    }
}
