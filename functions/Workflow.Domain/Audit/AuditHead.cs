namespace Workflow.Domain.Audit;

/// <summary>
/// The last event of a chain as its store records it (sequence and hash), or a point of the chain a
/// lead wrote down earlier. Checking a chain against a head recorded apart from it is what catches
/// events cut off the end, which the links alone cannot show.
/// </summary>
public sealed record AuditHead(long Sequence, string Hash)
{
    /// <summary>The head of a chain with no events.</summary>
    public static AuditHead Empty { get; } = new(0, AuditChain.Genesis);
}
