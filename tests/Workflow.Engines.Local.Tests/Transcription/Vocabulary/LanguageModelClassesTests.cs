using Workflow.Engines.Local.Transcription.Vocabulary;

namespace Workflow.Engines.Local.Tests.Transcription.Vocabulary;

public sealed class LanguageModelClassesTests : IDisposable
{
    private const string DefaultLanguageModel = "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin";

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ClassDefinitions_Words_FormOneClassInSphinxbaseSyntax()
    {
        Assert.Equal("LMCLASS [study]\nsubutex\nkeyworker\nEND [study]\n", LanguageModelClasses.ClassDefinitions(["subutex", "keyworker"]));
    }

    [Fact]
    public void ClassDefinitions_NoWords_IsEmpty()
    {
        Assert.Equal("", LanguageModelClasses.ClassDefinitions([]));
    }

    [Fact]
    public void ControlFile_NamesTheClassFileTheModelAndTheClass()
    {
        Assert.Equal("{ study.classdef }\n/models/en-us.lm.bin study { [study] }\n", LanguageModelClasses.ControlFile("/models/en-us.lm.bin", "study.classdef", 2));
        Assert.Equal("{ study.classdef }\n/models/en-us.lm.bin study\n", LanguageModelClasses.ControlFile("/models/en-us.lm.bin", "study.classdef", 0));
    }

    [Fact]
    public void ControlFile_PathWithSpace_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => LanguageModelClasses.ControlFile("/my models/en-us.lm.bin", "study.classdef", 1));
    }

    [Fact]
    public void ReadLanguageModelWords_Arpa_GivesTheUnigrams()
    {
        var path = _temp.File("tiny.arpa");
        File.WriteAllText(path, "\\data\\\nngram 1=3\nngram 2=1\n\n\\1-grams:\n-1.0\t<s>\t-0.5\n-0.5\tkerr\t-0.3\n-0.7\t</s>\n\n\\2-grams:\n-0.2\t<s> kerr\n\n\\end\\\n");

        Assert.Equal(["</s>", "<s>", "kerr"], ModelVocabulary.ReadLanguageModelWords(path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void ReadLanguageModelWords_NeitherTrieNorArpa_IsInvalidData()
    {
        var path = _temp.File("model.dmp");
        File.WriteAllText(path, "Darpa Trigram LM\0\0\0");

        Assert.Throws<InvalidDataException>(() => ModelVocabulary.ReadLanguageModelWords(path));
    }

    [Fact]
    public void ReadLanguageModelWords_InstalledTrieModel_GivesAllItsUnigrams()
    {
        if (!File.Exists(DefaultLanguageModel)) return; // pocketsphinx-en-us not installed: the engine tests say so

        var words = ModelVocabulary.ReadLanguageModelWords(DefaultLanguageModel);

        Assert.Equal(72_547, words.Count); // the header's unigram count
        Assert.Contains("methadone", words);
        Assert.DoesNotContain("subutex", words);
    }
}
