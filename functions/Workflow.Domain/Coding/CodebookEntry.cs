namespace Workflow.Domain.Coding;

/// <summary>
/// One entry of a two-level codebook. Level-1 entries are themes (no parent) that group codes;
/// level-2 entries are the codes applied to text. The field names follow the study's codebook JSON;
/// <see cref="Color"/> (optional; <c>#RRGGBB</c> is passed on to analysis tools, other values are kept but not exported).
/// </summary>
public sealed record CodebookEntry(
    string Id,
    string? Parent,
    int Level,
    string Name,
    string Definition,
    string? InclusionCriteria = null,
    string? ExclusionCriteria = null,
    IReadOnlyList<string>? Examples = null,
    IReadOnlyList<string>? Keywords = null,
    string? Color = null)
{
    /// <summary>True for codes that may be applied to text.</summary>
    public bool IsApplicable => Level == 2;
}
