using Workflow.Composition;
using Workflow.Domain.Ports;
using Workflow.Domain.Studies;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>The study's transcription engine when it runs as a batch job; shared by the monitor's activities.</summary>
public sealed class BatchTranscriptionEngines(StudyRepository studies, EngineSelection engines)
{
    public async Task<Study> StudyAsync(string studyId, CancellationToken ct) =>
        await studies.GetAsync(studyId, ct) ?? throw new PipelineInputException($"Study '{studyId}' no longer exists.");

    public async Task<IBatchTranscriptionEngine> ForAsync(string studyId, CancellationToken ct) =>
        engines.Transcription(await StudyAsync(studyId, ct)) as IBatchTranscriptionEngine
        ?? throw new PipelineInputException($"Study '{studyId}' no longer uses a batch transcription engine; re-run the transcription.");
}
