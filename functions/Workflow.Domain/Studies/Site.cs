namespace Workflow.Domain.Studies;

/// <summary>A fieldwork site (for example a commissioning area). Names are study-internal codes, not identifiers of people.</summary>
public sealed record Site(string Id, string Name);
