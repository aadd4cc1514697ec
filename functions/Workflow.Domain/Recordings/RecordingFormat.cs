using System.Text.Json.Serialization;

namespace Workflow.Domain.Recordings;

/// <summary>Whether a recording is a one-to-one interview or a focus group.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RecordingFormat>))]
public enum RecordingFormat
{
    IndividualInterview,
    FocusGroup,
}
