namespace Workflow.Orchestrations.Contracts;

/// <summary>Which recording's audio to tone out: its ids and the name of its upload (no identifiers).</summary>
public sealed record AudioRedactionInput(string StudyId, string RecordingId, string BlobName);

/// <summary>
/// What making the de-identified audio did: whether a copy exists now, how many spans were toned and
/// for how long, and when there is no copy, why (a fixed phrase, never transcript text).
/// </summary>
public sealed record AudioRedactionSummary(bool Made, int Spans, double TonedSeconds, string? NotMadeBecause);
