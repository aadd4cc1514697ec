using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Finds identifiers with the configured engine and replaces them with the study's pseudonyms. The
/// de-identified transcript goes to the de-identified store; the findings and original text (the key)
/// stay in the identifiable store. Re-running gives the same labels: the registry already holds them.
/// </summary>
[DurableTask(nameof(DeidentifyTranscriptActivity))]
public sealed class DeidentifyTranscriptActivity(
    WorkflowStores stores,
    IDeidentificationEngine engine,
    IOptions<PipelineOptions> options) : TaskActivity<RecordingRef, DeidentificationSummary>
{
    public override async Task<DeidentificationSummary> RunAsync(TaskActivityContext context, RecordingRef input)
    {
        var ct = CancellationToken.None;
        var transcript = await stores.Documents.GetTranscriptAsync(input.StudyId, input.RecordingId, ct)
            ?? throw new PipelineInputException("The transcript to de-identify is missing; re-upload the recording.");
        var identifiers = await stores.Identifiers.GetCurrentAsync(input.StudyId, ct);
        var findings = await engine.FindAsync(transcript, identifiers, ct);

        var result = await stores.Pseudonyms.UpdateAsync(input.StudyId,
            registry => Pseudonymizer.Apply(transcript, input.StudyId, identifiers.Version, findings, registry, options.Value.ConfirmRedactionsBelow), ct);

        // Key first: a de-identified transcript must never exist without the key that explains it.
        await stores.Documents.SaveDeidentificationRecordAsync(input.StudyId,
            new DeidentificationRecord(input.RecordingId, identifiers.Version, findings, result.Key), ct);
        await stores.Documents.SaveDeidentifiedAsync(result.Transcript, ct);
        var redactions = result.Transcript.Redactions;
        return new DeidentificationSummary(redactions.Count, redactions.Count(r => r.NeedsConfirmation), identifiers.Version);
    }
}
