namespace Workflow.Domain.Deidentification;

/// <summary>One row of a study's pseudonym key: which entity a label stands for. Identifiable material.</summary>
public sealed record PseudonymEntry(IdentifierKind Kind, string EntityKey, string Label);
