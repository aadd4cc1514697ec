using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Pipeline;
using Workflow.Storage;

namespace Workflow.Orchestrations.Activities;

/// <summary>
/// Makes the de-identified copy of an audio recording from its upload and the times of its
/// redactions, for coders who listen. The old copy is removed first, so a copy made before the
/// identifier list grew never outlives it; no copy is made when a redaction cannot be placed in time
/// or the upload is gone (audio retention). The same stored inputs give the same copy, so a re-run is safe.
/// </summary>
[DurableTask(nameof(RedactAudioActivity))]
public sealed class RedactAudioActivity(
    RecordingDocuments documents,
    RawUploadRepository uploads,
    DeidentifiedAudioRepository copies,
    IAudioRedactor redactor,
    IWorkArea workArea,
    IOptions<PipelineOptions> options) : TaskActivity<AudioRedactionInput, AudioRedactionSummary>
{
    public override async Task<AudioRedactionSummary> RunAsync(TaskActivityContext context, AudioRedactionInput input)
    {
        var ct = CancellationToken.None;
        var (studyId, recordingId) = (input.StudyId, input.RecordingId);
        await copies.DeleteAsync(studyId, recordingId, ct);

        var original = await documents.GetTranscriptAsync(studyId, recordingId, ct)
            ?? throw new PipelineInputException("The transcript is missing; the audio cannot be de-identified.");
        var record = await documents.GetDeidentificationRecordAsync(studyId, recordingId, ct)
            ?? throw new PipelineInputException("The recording has not been de-identified; its audio cannot be.");
        var spans = AudioRedactionPlan.Build(original, record.Key, options.Value.AudioRedactionPaddingSeconds);
        if (spans is null) return NotMade("a redaction could not be placed in time");

        await using var folder = workArea.CreateFolder("audio-redaction");
        var source = Path.Combine(folder.Path, "source" + Path.GetExtension(input.BlobName));
        try
        {
            await uploads.DownloadToAsync(input.BlobName, source, ct);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return NotMade("the recording's audio is no longer kept");
        }
        var output = Path.Combine(folder.Path, "deidentified" + redactor.Extension);
        await redactor.RenderAsync(source, spans, output, ct);
        await copies.SaveAsync(studyId, recordingId, output, redactor.ContentType, ct);
        return new AudioRedactionSummary(true, spans.Count, Math.Round(spans.Sum(s => s.Seconds), 2), null);
    }

    private static AudioRedactionSummary NotMade(string because) => new(false, 0, 0, because);
}
