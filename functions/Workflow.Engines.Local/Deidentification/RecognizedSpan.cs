using Workflow.Domain.Deidentification;

namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// A span found by an <see cref="IIdentifierRecognizer"/>: UTF-16 offsets into the text it was given
/// (end exclusive), the kind, a normalised key naming the entity, and how sure the recognizer is.
/// <see cref="Detector"/>, when set, names the rule that decided ("names/context"); otherwise the
/// engine records its own name and the recognizer's.
/// </summary>
public readonly record struct RecognizedSpan(int Start, int End, IdentifierKind Kind, string EntityKey, double Confidence, string? Detector = null);
