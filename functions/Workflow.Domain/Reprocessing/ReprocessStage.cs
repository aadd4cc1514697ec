using System.Text.Json.Serialization;
using Workflow.Domain.Recordings;

namespace Workflow.Domain.Reprocessing;

/// <summary>
/// The stage a batch re-runs from. Every later stage runs again too, because each stage's output is
/// the next one's input: new words need new redactions, new redactions need new codes.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReprocessStage>))]
public enum ReprocessStage
{
    Transcription,
    Deidentification,
    Coding,
}

public static class ReprocessStages
{
    /// <summary>The pipeline stage at which <paramref name="stage"/> starts.</summary>
    public static PipelineStage StartsAt(this ReprocessStage stage) => stage switch
    {
        ReprocessStage.Transcription => PipelineStage.Transcribing,
        ReprocessStage.Deidentification => PipelineStage.Deidentifying,
        _ => PipelineStage.Coding,
    };

    /// <summary>True when a re-run from <paramref name="stage"/> replaces the recording's redactions.</summary>
    public static bool RedoesRedactions(this ReprocessStage stage) => stage != ReprocessStage.Coding;
}
