using System.Text.Json.Serialization;

namespace Workflow.Domain.Recordings;

/// <summary>
/// Whether a recording's pipeline is running, waiting for people, finished or failed, or whether the
/// recording is being deleted (a lead's request or its participant's withdrawal): then its work is
/// stopped, its data erased, and the row goes last.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecordingStatus>))]
public enum RecordingStatus
{
    Running,
    WaitingForVerification,
    Completed,
    Failed,
    Deleting,
}
