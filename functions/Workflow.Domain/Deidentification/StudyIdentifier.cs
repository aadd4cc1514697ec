namespace Workflow.Domain.Deidentification;

/// <summary>
/// An identifier the study lead enters: a participant, staff or family name, a service, a place.
/// <see cref="Aliases"/> are other ways the same entity is mentioned ("Stuart" for "Stuart Penhale");
/// every alias gets the entity's pseudonym. Identifiable material: stored in the identifiable store only.
/// </summary>
public sealed record StudyIdentifier(string Id, string Text, IdentifierKind Kind, IReadOnlyList<string> Aliases)
{
    /// <summary>The canonical text followed by the aliases.</summary>
    public IEnumerable<string> Surfaces => new[] { Text }.Concat(Aliases);
}
