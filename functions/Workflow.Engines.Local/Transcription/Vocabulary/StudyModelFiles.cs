namespace Workflow.Engines.Local.Transcription.Vocabulary;

/// <summary>
/// A study's extended dictionary and LM control file, written into the recording's private work folder
/// (identifiable, deleted with the decoded audio). <see cref="AddedToDictionary"/> and
/// <see cref="AddedToLanguageModel"/> are counts, safe to log.
/// </summary>
internal sealed record StudyModelFiles(string DictionaryPath, string LanguageModelControlPath, int AddedToDictionary, int AddedToLanguageModel)
{
    /// <summary>The recogniser arguments that replace <c>-lm</c> and <c>-dict</c>.</summary>
    public IEnumerable<string> Arguments() =>
        ["-dict", DictionaryPath, "-lmctl", LanguageModelControlPath, "-lmname", LanguageModelClasses.ModelName];
}
