using System.Globalization;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Transcription.Vocabulary;

/// <summary>
/// Offline grapheme-to-phoneme: asks espeak-ng how its British and American voices would say each word
/// and maps the answers to ARPAbet. Two voices give two pronunciations where the accents differ
/// ("Lorna" with and without its R), which costs one more short process. The words are identifiable:
/// they go to espeak-ng in a file inside the caller's private folder, never on a command line (which
/// other local users can read in the process table).
/// </summary>
internal sealed class EspeakPronouncer(string executablePath, TimeSpan baseTimeout)
{
    internal const string InstallHint =
        "install the Debian package 'espeak-ng' (it gives the study's words their pronunciations), or set Engines:PocketSphinx:StudyVocabulary to false";

    /// <summary>Time allowed per word on top of the base: measured about 3 ms per word and voice, so this is a wide margin.</summary>
    private static readonly TimeSpan TimeoutPerWord = TimeSpan.FromMilliseconds(50);

    private static readonly (string Voice, EnglishAccent Accent)[] Voices = [("en-gb", EnglishAccent.British), ("en-us", EnglishAccent.American)];

    /// <summary>Distinct pronunciations (phones joined by spaces) per word; words nothing maps for are left out.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> PronounceAsync(
        IReadOnlyList<string> words, string privateFolder, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (words.Count == 0) return result;

        var input = Path.Combine(privateFolder, "g2p-words.txt");
        // A full stop after each word makes every word its own clause, so espeak-ng prints one line per word.
        await File.WriteAllLinesAsync(input, words.Select(w => w + "."), cancellationToken).ConfigureAwait(false);
        var pronunciations = words.ToDictionary(w => w, _ => new List<string>(), StringComparer.Ordinal);
        try
        {
            foreach (var (voice, accent) in Voices)
            {
                var lines = await PhonemesAsync(voice, input, words.Count, cancellationToken).ConfigureAwait(false);
                for (var i = 0; i < words.Count; i++)
                {
                    var phones = string.Join(' ', EspeakPhonemes.ToArpabet(lines[i], accent));
                    if (phones.Length > 0 && !pronunciations[words[i]].Contains(phones)) pronunciations[words[i]].Add(phones);
                }
            }
        }
        finally
        {
            File.Delete(input);
        }
        foreach (var (word, list) in pronunciations)
        {
            if (list.Count > 0) result[word] = list;
        }
        return result;
    }

    private async Task<string[]> PhonemesAsync(string voice, string input, int expectedLines, CancellationToken cancellationToken)
    {
        ProcessResult run;
        try
        {
            run = await ProcessRunner.RunAsync(
                executablePath, ["-v", voice, "-q", "-x", "--sep=|", "-f", input], InstallHint, baseTimeout + TimeoutPerWord * expectedLines, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException ex)
        {
            throw new EngineUnavailableException($"espeak-ng did not finish giving the study's words pronunciations ({ex.Message}); {InstallHint}.", ex);
        }
        // Neither stdout nor stderr is quoted: both can echo the study's words.
        if (run.ExitCode != 0)
            throw new EngineUnavailableException($"espeak-ng failed with exit code {run.ExitCode.ToString(CultureInfo.InvariantCulture)} for voice {voice}: {InstallHint}.");
        var lines = run.StandardOutput.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
        if (lines.Length != expectedLines)
            throw new EngineUnavailableException(
                $"espeak-ng (voice {voice}) printed {lines.Length.ToString(CultureInfo.InvariantCulture)} pronunciations for {expectedLines.ToString(CultureInfo.InvariantCulture)} words; this espeak-ng version is not supported: {InstallHint}.");
        return lines;
    }
}
