using Workflow.Domain.Deidentification;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>Test shorthand: what a recognizer found, as the covered text.</summary>
internal static class Recognized
{
    public static List<string> Texts(this IIdentifierRecognizer recognizer, string text, IdentifierKind? kind = null) =>
        recognizer.Recognize(text).Where(s => kind is null || s.Kind == kind).Select(s => text[s.Start..s.End]).ToList();

    public static RecognizedSpan Single(this IIdentifierRecognizer recognizer, string text) =>
        Assert.Single(recognizer.Recognize(text));
}
