namespace Workflow.Orchestrations.Contracts;

/// <summary>Input of <see cref="Pipeline.CloudTranscriptionOrchestrator"/>: the recording (ids only) and the monitor's timings.</summary>
public sealed record CloudTranscriptionInput(RecordingPipelineInput Recording, TimeSpan FirstCheck, TimeSpan LongestInterval, TimeSpan MaxWait);
