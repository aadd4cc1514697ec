using Workflow.Engines.Local.Transcription.Vocabulary;

namespace Workflow.Engines.Local.Tests.Transcription.Vocabulary;

public sealed class DictionaryExtensionTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> Pronunciations(params (string Word, string[] Phones)[] entries) =>
        entries.ToDictionary(e => e.Word, e => (IReadOnlyList<string>)e.Phones);

    [Fact]
    public void Lines_NewWord_GetsNumberedAlternativesInOrder()
    {
        var lines = DictionaryExtension.Lines(Pronunciations(("subutex", ["S AH B Y UW T EH K S", "S UW B Y UW T EH K S"])), new HashSet<string>());

        Assert.Equal(["subutex S AH B Y UW T EH K S", "subutex(2) S UW B Y UW T EH K S"], lines);
    }

    [Fact]
    public void Lines_WordTheDictionaryKnows_IsLeftToTheDictionary()
    {
        var lines = DictionaryExtension.Lines(Pronunciations(("kerr", ["K EH R"]), ("keyworker", ["K IY W ER K ER"])), new HashSet<string> { "kerr" });

        Assert.Equal(["keyworker K IY W ER K ER"], lines);
    }

    [Fact]
    public void Lines_RepeatedOrInvalidPronunciations_AreDropped()
    {
        var lines = DictionaryExtension.Lines(
            Pronunciations(("morag", ["M AO R AE G", "M  AO R AE G", "M AO Q AE G", ""])), new HashSet<string>());

        Assert.Equal(["morag M AO R AE G"], lines);
    }

    [Fact]
    public async Task WriteAsync_CopiesTheInstalledDictionaryUnchangedAndAppends()
    {
        var installed = _temp.File("installed.dict");
        await File.WriteAllTextAsync(installed, "kerr K EH R\nkerr(2) K ER\nlorna L AO R N AH"); // no final newline
        var target = _temp.File("study.dict");

        await DictionaryExtension.WriteAsync(installed, ["subutex S AH B Y UW T EH K S"], target, CancellationToken.None);

        Assert.Equal(["kerr K EH R", "kerr(2) K ER", "lorna L AO R N AH", "subutex S AH B Y UW T EH K S"], await File.ReadAllLinesAsync(target));
        Assert.Equal("kerr K EH R\nkerr(2) K ER\nlorna L AO R N AH", await File.ReadAllTextAsync(installed));
    }

    [Fact]
    public void ReadDictionaryWords_CountsAlternativesOnce()
    {
        var path = _temp.File("d.dict");
        File.WriteAllText(path, "kerr K EH R\nkerr(2) K ER\no'neill OW N IY L\n\n");

        Assert.Equal(["kerr", "o'neill"], ModelVocabulary.ReadDictionaryWords(path).Order());
    }
}
