using Workflow.Domain.Recordings;

namespace Workflow.Orchestrations.Contracts;

/// <summary>What ingest learned: audio duration, or for an imported transcript its size.</summary>
public sealed record IngestResult(SourceKind Source, double? DurationSeconds, int? Utterances, string Detail);
