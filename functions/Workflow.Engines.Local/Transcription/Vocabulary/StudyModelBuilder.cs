using Workflow.Domain.Ports;

namespace Workflow.Engines.Local.Transcription.Vocabulary;

/// <summary>
/// Makes the installed models know a study's words: words the dictionary lacks get pronunciations from
/// espeak-ng, and words the language model lacks are added to it as classes (see
/// <see cref="LanguageModelClasses"/>). A failure is an <see cref="EngineUnavailableException"/> naming
/// the package or setting: the vocabulary is never silently dropped. Messages never contain the words.
/// </summary>
internal sealed class StudyModelBuilder(EspeakPronouncer pronouncer, string dictionaryPath, string languageModelPath)
{
    private const string DisableHint = "or set Engines:PocketSphinx:StudyVocabulary to false";

    /// <summary>The files for <paramref name="terms"/> in <paramref name="privateFolder"/>; null when every word is already known.</summary>
    public async Task<StudyModelFiles?> BuildAsync(IReadOnlyList<string> terms, string privateFolder, CancellationToken cancellationToken)
    {
        var words = StudyWords.From(terms);
        if (words.Count == 0) return null;
        var (dictionaryWords, modelWords) = (Read(ModelVocabulary.Dictionary, dictionaryPath, "DictionaryPath"), Read(ModelVocabulary.LanguageModel, languageModelPath, "LanguageModelPath"));

        var unpronounceable = words.Where(w => !dictionaryWords.Contains(w)).ToList();
        var pronunciations = await pronouncer.PronounceAsync(unpronounceable, privateFolder, cancellationToken).ConfigureAwait(false);
        var dictionaryLines = DictionaryExtension.Lines(pronunciations, dictionaryWords);
        var pronounceable = words.Where(w => dictionaryWords.Contains(w) || pronunciations.ContainsKey(w));
        var newToModel = pronounceable.Where(w => !modelWords.Contains(w)).ToList();
        if (newToModel.Count == 0 && dictionaryLines.Count == 0) return null;

        var dictionary = Path.Combine(privateFolder, "study.dict");
        var classes = Path.Combine(privateFolder, "study.classdef");
        var control = Path.Combine(privateFolder, "study.lmctl");
        await DictionaryExtension.WriteAsync(dictionaryPath, dictionaryLines, dictionary, cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(classes, LanguageModelClasses.ClassDefinitions(newToModel), cancellationToken).ConfigureAwait(false);
        string controlText;
        try
        {
            controlText = LanguageModelClasses.ControlFile(Path.GetFullPath(languageModelPath), Path.GetFileName(classes), newToModel.Count);
        }
        catch (ArgumentException)
        {
            throw new EngineUnavailableException($"The study vocabulary needs a language model path without spaces; move the model or fix Engines:PocketSphinx:LanguageModelPath, {DisableHint}.");
        }
        await File.WriteAllTextAsync(control, controlText, cancellationToken).ConfigureAwait(false);
        var wordsAdded = dictionaryLines.Select(l => l.Split(' ', '(')[0]).Distinct(StringComparer.Ordinal).Count();
        return new StudyModelFiles(dictionary, control, wordsAdded, newToModel.Count);
    }

    private static IReadOnlySet<string> Read(Func<string, IReadOnlySet<string>> read, string path, string setting)
    {
        try
        {
            return read(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // The model paths are configuration, not study data: naming them helps whoever fixes the setting.
            throw new EngineUnavailableException(
                $"The study vocabulary could not read the PocketSphinx model '{path}' ({e.Message}): {PocketSphinxOptions.InstallHint}, fix Engines:PocketSphinx:{setting}, {DisableHint}.", e);
        }
    }
}
