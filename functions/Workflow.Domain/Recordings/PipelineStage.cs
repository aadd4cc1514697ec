using System.Text.Json.Serialization;

namespace Workflow.Domain.Recordings;

/// <summary>The stage a recording's pipeline is in, in the order the stages run.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PipelineStage>))]
public enum PipelineStage
{
    Received,
    Ingesting,
    Transcribing,
    Deidentifying,
    Coding,
    AwaitingVerification,
    Finalizing,
    Completed,
}
