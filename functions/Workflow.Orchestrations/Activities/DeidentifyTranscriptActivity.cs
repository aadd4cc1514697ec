using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Domain.Deidentification;
using Workflow.Composition;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Finds identifiers with the study's list and detectors and replaces them with the study's pseudonyms. The
/// de-identified transcript goes to the de-identified store; the findings and original text (the key)
/// stay in the identifiable store. Re-running gives the same labels: the registry already holds them.
/// </summary>
[DurableTask(nameof(DeidentifyTranscriptActivity))]
public sealed class DeidentifyTranscriptActivity(
    RecordingDocuments documents,
    IdentifierListRepository identifierLists,
    PseudonymRegistryRepository pseudonyms,
    StudyRepository studies,
    EngineSelection engines,
    IOptions<PipelineOptions> options) : TaskActivity<RecordingRef, DeidentificationSummary>
{
    public override async Task<DeidentificationSummary> RunAsync(TaskActivityContext context, RecordingRef input)
    {
        var ct = CancellationToken.None;
        var transcript = await documents.GetTranscriptAsync(input.StudyId, input.RecordingId, ct)
            ?? throw new PipelineInputException("The transcript to de-identify is missing; re-upload the recording.");
        var study = await studies.GetAsync(input.StudyId, ct) ?? throw new PipelineInputException($"Study '{input.StudyId}' no longer exists.");
        var identifiers = await identifierLists.GetCurrentAsync(input.StudyId, ct);
        var engine = engines.Deidentification(study);
        var findings = await engine.FindAsync(transcript, identifiers, ct);

        var result = await pseudonyms.UpdateAsync(input.StudyId,
            registry => Pseudonymizer.Apply(transcript, input.StudyId, identifiers.Version, findings, registry, options.Value.ConfirmRedactionsBelow), ct);

        // Key first: a de-identified transcript must never exist without the key that explains it.
        await documents.SaveDeidentificationRecordAsync(input.StudyId,
            new DeidentificationRecord(input.RecordingId, identifiers.Version, findings, result.Key, engine.Name, engine.Version), ct);
        await documents.SaveDeidentifiedAsync(result.Transcript, ct);
        var redactions = result.Transcript.Redactions;
        return new DeidentificationSummary(redactions.Count, redactions.Count(r => r.NeedsConfirmation), identifiers.Version);
    }
}
