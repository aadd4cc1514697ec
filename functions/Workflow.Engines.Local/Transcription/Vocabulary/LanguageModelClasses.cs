using System.Text;

namespace Workflow.Engines.Local.Transcription.Vocabulary;

/// <summary>
/// Makes words the language model lacks reachable without rewriting the model. PocketSphinx is given an
/// LM control file (<c>-lmctl</c>) that loads the installed model unchanged and adds word classes to it:
/// sphinxbase gives each new class tag a unigram of probability 1/N (N the model's unigram count, about
/// 1.4e-5 for the default model, the frequency of a fairly common word) and shares it among the class's
/// words. With one word per class, up to <see cref="MaxClasses"/> words, each gets 1/N; more words are
/// spread round-robin over the classes. Seen as a history, a class backs off to unigrams.
/// <para>Why not an extended ARPA model: Debian's <c>sphinx_lm_convert</c> aborts converting the default
/// <c>en-us.lm.bin</c> to ARPA (header and trie counts disagree; cmusphinx/sphinxbase#89, fixed only in
/// PocketSphinx 5), and loading a 3.7-million-n-gram ARPA text per recording would cost far more than
/// this, which costs nothing measurable: the model is read exactly as before.</para>
/// <para>The mass added (1/N per word) is not taken from the other words: with tens of words the model
/// sums to about 1.0004 instead of 1, which the decoder does not need to be exact.</para>
/// </summary>
internal static class LanguageModelClasses
{
    /// <summary>sphinxbase refuses a 129th class (class ids have 7 bits); a margin is kept.</summary>
    public const int MaxClasses = 100;

    /// <summary>Name the model is given in the control file; passed as <c>-lmname</c>.</summary>
    public const string ModelName = "study";

    /// <summary>The class-definition file: <c>LMCLASS [name]</c>, one word per line, <c>END [name]</c>.</summary>
    public static string ClassDefinitions(IReadOnlyList<string> words)
    {
        var text = new StringBuilder();
        foreach (var (name, members) in Classes(words))
        {
            text.Append("LMCLASS ").Append(name).Append('\n');
            foreach (var word in members) text.Append(word).Append('\n');
            text.Append("END ").Append(name).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// The control file: the class-definition file (relative: sphinxbase resolves it beside the control
    /// file), then the model, its name and the classes it uses. sphinxbase reads it with <c>%s</c>, so a
    /// model path with white space cannot be written; that is refused.
    /// </summary>
    public static string ControlFile(string languageModelPath, string classDefinitionFileName, int wordCount)
    {
        if (languageModelPath.Any(char.IsWhiteSpace) || classDefinitionFileName.Any(char.IsWhiteSpace))
            throw new ArgumentException("sphinxbase cannot read a language model path containing white space in a control file.", nameof(languageModelPath));
        var names = Enumerable.Range(0, ClassCount(wordCount)).Select(ClassName).ToList();
        var uses = names.Count == 0 ? "" : $" {{ {string.Join(' ', names)} }}";
        return $"{{ {classDefinitionFileName} }}\n{languageModelPath} {ModelName}{uses}\n";
    }

    private static IEnumerable<(string Name, List<string> Members)> Classes(IReadOnlyList<string> words)
    {
        var count = ClassCount(words.Count);
        var classes = Enumerable.Range(0, count).Select(i => (ClassName(i), new List<string>())).ToList();
        for (var i = 0; i < words.Count; i++) classes[i % count].Item2.Add(words[i]);
        return classes;
    }

    private static int ClassCount(int wordCount) => Math.Min(wordCount, MaxClasses);

    // Brackets keep the tags apart from any real word; the tags are never in the dictionary, so never output.
    private static string ClassName(int index) => $"[study_{index + 1}]";
}
