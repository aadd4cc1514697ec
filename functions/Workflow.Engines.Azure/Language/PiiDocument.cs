namespace Workflow.Engines.Azure.Language;

/// <summary>One text sent for PII detection, with the utterance and offset it came from.</summary>
internal sealed record PiiDocument(string Id, string Text, int UtteranceIndex, int Offset);

/// <summary>An entity the service found, offsets in UTF-16 code units of the document text.</summary>
internal sealed record PiiEntity(string Text, string Category, string? Subcategory, int Offset, int Length, double ConfidenceScore);
