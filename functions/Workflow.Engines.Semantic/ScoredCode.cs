using Workflow.Domain.Coding;

namespace Workflow.Engines.Semantic;

/// <summary>One engine's case for one code in one segment: raw score, calibrated confidence, evidence.</summary>
internal sealed record ScoredCode(string SegmentId, string CodeId, double Score, double Confidence, EvidenceSpan Evidence);
