using System.Text.Json.Serialization;

namespace Workflow.Domain.Recordings;

/// <summary>Whether an upload is audio to transcribe or an existing transcript to import.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SourceKind>))]
public enum SourceKind
{
    Audio,
    Transcript,
}
