namespace Workflow.Composition;

/// <summary>The pipeline stages whose engine is chosen by configuration; the names are the setting names under <c>Engines</c>.</summary>
public enum EngineStage
{
    Transcription,
    Deidentification,
    Coding,
}
