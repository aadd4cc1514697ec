namespace Workflow.Orchestrations.Contracts;

/// <summary>
/// Which items to queue for a recording, and the orchestration instance that waits for their
/// decisions (recorded on the recording so that decisions can be signalled to it).
/// </summary>
public sealed record EnqueueVerificationInput(string StudyId, string RecordingId, bool IncludeRedactions, string WaitingInstanceId);
