namespace Workflow.Domain.Coding;

/// <summary>
/// A versioned two-level codebook. Each PUT creates a new version; suggestions and decisions record
/// the version they were made against so that re-coding after a change is traceable.
/// </summary>
public sealed record Codebook(string StudyId, int Version, string Name, IReadOnlyList<CodebookEntry> Codes, DateTimeOffset CreatedAt)
{
    /// <summary>The level-2 codes, the ones applied to text.</summary>
    public IEnumerable<CodebookEntry> ApplicableCodes => Codes.Where(c => c.IsApplicable);

    /// <summary>The entry with <paramref name="id"/>, or null.</summary>
    public CodebookEntry? Find(string id) => Codes.FirstOrDefault(c => c.Id == id);
}
