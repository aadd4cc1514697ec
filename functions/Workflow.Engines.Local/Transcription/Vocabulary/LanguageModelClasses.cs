using System.Text;

namespace Workflow.Engines.Local.Transcription.Vocabulary;

/// <summary>
/// Makes words the language model lacks reachable without rewriting the model. PocketSphinx is given an
/// LM control file (<c>-lmctl</c>) that loads the installed model unchanged and adds one word class to
/// it: sphinxbase gives the new class tag a unigram of probability 1/N (N the model's unigram count,
/// about 1.4e-5 for the default model) and shares it equally among the class's n words, so each study
/// word gets 1/(N n): about 4e-7 for 35 words, the frequency of a rare but known word. Seen as a
/// history, the class backs off to unigrams, so a word after a name is scored as after an unseen word.
/// <para>One class, not one per word (which would give each word the full 1/N): with several classes
/// whose words are in the dictionary the Debian PocketSphinx 0.8 recogniser misbehaves (six one-word
/// classes: SIGSEGV in the search; five classes of six words: whole utterances missing from the output).
/// One class was checked with up to 3,000 words, and on the measured passages its output for the
/// other words is the same as without the vocabulary. Giving one word more probability (a class of
/// one) did not change what was recognised there either: the acoustics, not the 1/(N n), decide.</para>
/// <para>Why not an extended ARPA model: Debian's <c>sphinx_lm_convert</c> aborts converting the default
/// <c>en-us.lm.bin</c> to ARPA (header and trie counts disagree; cmusphinx/sphinxbase#89, fixed only in
/// PocketSphinx 5), and loading a 3.7-million-n-gram ARPA text per recording would cost far more than
/// this, which costs nothing measurable: the model is read exactly as before.</para>
/// <para>The mass added (1/N) is not taken from the other words: the model sums to 1.00001 instead of
/// 1, which the decoder does not need to be exact.</para>
/// </summary>
internal static class LanguageModelClasses
{
    /// <summary>Name the model is given in the control file; passed as <c>-lmname</c>.</summary>
    public const string ModelName = "study";

    // Brackets keep the tag apart from any real word; it is never in the dictionary, so never output.
    private const string ClassName = "[study]";

    /// <summary>The class-definition file: <c>LMCLASS [study]</c>, one word per line, <c>END [study]</c>.</summary>
    public static string ClassDefinitions(IReadOnlyList<string> words)
    {
        var text = new StringBuilder();
        if (words.Count == 0) return "";
        text.Append("LMCLASS ").Append(ClassName).Append('\n');
        foreach (var word in words) text.Append(word).Append('\n');
        text.Append("END ").Append(ClassName).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// The control file: the class-definition file (relative: sphinxbase resolves it beside the control
    /// file), then the model, its name and the class it uses. sphinxbase reads it with <c>%s</c>, so a
    /// model path with white space cannot be written; that is refused.
    /// </summary>
    public static string ControlFile(string languageModelPath, string classDefinitionFileName, int wordCount)
    {
        if (languageModelPath.Any(char.IsWhiteSpace) || classDefinitionFileName.Any(char.IsWhiteSpace))
            throw new ArgumentException("sphinxbase cannot read a language model path containing white space in a control file.", nameof(languageModelPath));
        var uses = wordCount == 0 ? "" : $" {{ {ClassName} }}";
        return $"{{ {classDefinitionFileName} }}\n{languageModelPath} {ModelName}{uses}\n";
    }
}
