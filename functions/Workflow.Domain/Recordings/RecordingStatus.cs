using System.Text.Json.Serialization;

namespace Workflow.Domain.Recordings;

/// <summary>Whether a recording's pipeline is running, waiting for people, finished or failed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecordingStatus>))]
public enum RecordingStatus
{
    Running,
    WaitingForVerification,
    Completed,
    Failed,
}
