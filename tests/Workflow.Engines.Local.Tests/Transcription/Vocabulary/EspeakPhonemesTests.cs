using Workflow.Engines.Local.Transcription.Vocabulary;

namespace Workflow.Engines.Local.Tests.Transcription.Vocabulary;

public sealed class EspeakPhonemesTests
{
    private static EnglishAccent Accent(string voice) => voice == "en-us" ? EnglishAccent.American : EnglishAccent.British;

    private const string AcousticModelMdef = "/usr/share/pocketsphinx/model/en-us/en-us/mdef";

    [Theory]
    // espeak-ng 1.51 output (-x --sep=|) for these words, copied from a run.
    [InlineData("s|'V|b|j|u:|t|,E|k|s", "en-gb", "S AH B Y UW T EH K S")]          // Subutex: stress marks dropped
    [InlineData("k|'i:|w|3:|k|3", "en-us", "K IY W ER K ER")]                    // keyworker, rhotic
    [InlineData("k|'i:|w|3:|k|3", "en-gb", "K IY W ER K AH")]                     // keyworker, non-rhotic
    [InlineData("b|'0|t|@L", "en-gb", "B AA T AH L")]                             // bottle: syllabic L
    [InlineData("b|'V|?|n-", "en-us", "B AH T AH N")]                            // button: glottal stop, syllabic N
    [InlineData("b|'E|t#|3", "en-us", "B EH T ER")]                              // better: American flap
    [InlineData("p|'aU|3", "en-us", "P AW ER")]                                  // power
    [InlineData("f|'aI@", "en-gb", "F AY AH")]                                    // fire: triphthong
    [InlineData("tS|'OI|s", "en-gb", "CH OY S")]                                  // choice: diphthong, affricate
    [InlineData("l|'0|x", "en-gb", "L AA K")]                                     // loch: no ARPAbet fricative, approximated
    [InlineData("b|'aa|T", "en-us", "B AE TH")]                                  // bath
    [InlineData("b|'aa|T", "en-gb", "B AA TH")]
    [InlineData("m|'O@|r|a|g", "en-us", "M AO R AE G")]                          // Morag: no R R
    [InlineData("m|@|k 'a|l|I|s|t|3", "en-gb", "M AH K AE L IH S T AH")]         // McAllister: espeak split the word
    [InlineData("dZ|'V|dZ", "en-gb", "JH AH JH")]
    [InlineData("m|'E|Z|3", "en-us", "M EH ZH ER")]
    public void ToArpabet_EspeakWord_GivesCmuPhones(string espeak, string voice, string expected)
    {
        Assert.Equal(expected, string.Join(' ', EspeakPhonemes.ToArpabet(espeak, Accent(voice))));
    }

    [Fact]
    public void ToArpabet_UnknownSymbol_IsDroppedAndTheRestKept()
    {
        Assert.Equal(["K", "AE", "T"], EspeakPhonemes.ToArpabet("k|'a|Q~|t", EnglishAccent.British));
    }

    [Fact]
    public void ToArpabet_VariantOrLengthMarkOfAKnownSymbol_FallsBackToTheSymbol()
    {
        Assert.Equal(["D", "AA", "T"], EspeakPhonemes.ToArpabet("d|'0#|t", EnglishAccent.British));
        Assert.Equal(["S", "IH", "T"], EspeakPhonemes.ToArpabet("s|I:|t", EnglishAccent.British));
    }

    [Fact]
    public void ToArpabet_PausesAndStressOnly_GiveNothing()
    {
        Assert.Empty(EspeakPhonemes.ToArpabet("_:|'|,", EnglishAccent.American));
    }

    [Theory]
    [InlineData("en-us")]
    [InlineData("en-gb")]
    public void Lookup_EveryMappedPhone_IsInTheModelPhoneSet(string voice)
    {
        var accent = Accent(voice);
        string[] symbols =
        [
            "p", "b", "t", "d", "k", "g", "f", "v", "T", "D", "s", "z", "S", "Z", "h", "m", "n", "N", "l", "r", "j", "w", "tS", "dZ",
            "x", "C", "t#", "d#", "?", "@L", "l-", "n-", "m-", "@", "@2", "@5", "a#", "V", "a", "A:", "0", "O2", "O:", "E", "e",
            "I", "I#", "I2", "i", "i:", "U", "u:", "3:", "aI", "eI", "OI", "aU", "oU", "@U", "o", "3", "e@", "i@", "i@3", "U@",
            "A@", "O@", "o@", "aI@", "aI3", "aU@", "r-", "aa",
        ];
        foreach (var symbol in symbols)
        {
            var phones = EspeakPhonemes.Lookup(symbol, accent);
            Assert.True(phones is not null, $"'{symbol}' is not mapped");
            Assert.All(phones, p => Assert.Contains(p, EspeakPhonemes.ArpabetPhones));
        }
    }

    [Fact]
    public void ArpabetPhones_AreTheInstalledAcousticModelsPhones()
    {
        if (!File.Exists(AcousticModelMdef)) return; // pocketsphinx-en-us not installed: the engine tests say so
        // The binary mdef lists its context-independent phones as NUL-terminated names.
        var names = System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(AcousticModelMdef)).Split('\0').ToHashSet();
        Assert.All(EspeakPhonemes.ArpabetPhones, p => Assert.Contains(p, names));
    }
}
