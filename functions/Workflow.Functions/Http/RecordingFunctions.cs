using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Workflow.Api;
using Workflow.Api.Handlers;

namespace Workflow.Functions.Http;

/// <summary>Upload and progress endpoints.</summary>
public sealed class RecordingFunctions(RecordingHandlers handlers)
{
    [Function("UploadRecording")]
    public Task<IActionResult> Upload(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.StudyRecordings)] HttpRequest request, string studyId,
        [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.UploadAsync(request, studyId, client, ct));

    [Function("ListRecordings")]
    public Task<IActionResult> List(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StudyRecordings)] HttpRequest request, string studyId, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.ListAsync(request, studyId, ct));

    [Function("GetRecording")]
    public Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Recording)] HttpRequest request, string recordingId,
        [DurableClient] DurableTaskClient client, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.GetAsync(request, recordingId, client, ct));

    [Function("GetRecordingTranscript")]
    public Task<IActionResult> Transcript(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.RecordingTranscript)] HttpRequest request, string recordingId, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.GetTranscriptAsync(request, recordingId, ct));
}
