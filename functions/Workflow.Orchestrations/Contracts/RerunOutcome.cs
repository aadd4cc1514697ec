using Workflow.Domain.Recordings;

namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// What a batch did to one recording: the machine work's result and what it left for coders
/// (<see cref="Pending"/> items, of which <see cref="Requeued"/> are back because their basis changed;
/// <see cref="Carried"/> earlier decisions applied again without asking).
/// </summary>
public sealed record RerunOutcome(string RecordingId, RecordingStatus Status, PipelineStage Stage, string? Error, int Pending = 0, int Carried = 0, int Requeued = 0);
