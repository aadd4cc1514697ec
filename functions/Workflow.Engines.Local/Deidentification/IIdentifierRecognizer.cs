namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// One deterministic way of spotting identifiers in a piece of text (an utterance or a speaker label).
/// Recognizers only find spans; the engine attaches utterance and field, and the Pseudonymizer replaces.
/// </summary>
public interface IIdentifierRecognizer
{
    /// <summary>Short name of the detector ("email", "study-list"); findings record it after the engine's name ("rules/email").</summary>
    string Name { get; }

    /// <summary>Spans in <paramref name="text"/> that this recognizer believes identify someone.</summary>
    IEnumerable<RecognizedSpan> Recognize(string text);
}
