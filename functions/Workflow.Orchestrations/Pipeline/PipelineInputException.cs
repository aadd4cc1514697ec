namespace Workflow.Orchestrations.Pipeline;

/// <summary>
/// A precondition of a stage is not met in a way the user can fix (no codebook, transcript missing).
/// The message is shown on the recording.
/// </summary>
public sealed class PipelineInputException(string message) : Exception(message);
