namespace Workflow.Domain.Coding;

/// <summary>One coding unit (a turn or segment) with the codes each rater applied to it.</summary>
public sealed record AgreementUnit(string UnitId, IReadOnlySet<string> Reference, IReadOnlySet<string> Predicted);
