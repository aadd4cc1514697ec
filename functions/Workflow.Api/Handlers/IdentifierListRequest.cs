using Workflow.Domain.Deidentification;

namespace Workflow.Api.Handlers;

/// <summary>Body of <c>PUT /api/studies/{studyId}/identifiers</c>: the complete list, replacing the previous version.</summary>
public sealed record IdentifierListRequest(IReadOnlyList<IdentifierRequest>? Identifiers);

/// <summary>One identifier as a lead enters it.</summary>
public sealed record IdentifierRequest(string? Text, IdentifierKind? Kind, IReadOnlyList<string>? Aliases);
