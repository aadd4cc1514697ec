namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// A name or place detector that works on an utterance already split into <see cref="NameToken"/>s, so the
/// engine tokenises and folds each utterance once for all its detectors.
/// </summary>
internal interface ITokenRecognizer : IIdentifierRecognizer
{
    /// <summary>Spans found in the analysed text (offsets into <see cref="NameText.Text"/>).</summary>
    IEnumerable<RecognizedSpan> Recognize(NameText text);
}
