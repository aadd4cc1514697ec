namespace Workflow.Domain.Coding;

/// <summary>A codebook as submitted by a lead, before validation gives it a version.</summary>
public sealed record CodebookDraft(string? Name, IReadOnlyList<CodebookEntry>? Codes);
