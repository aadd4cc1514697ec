using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Workflow.Api;
using Workflow.Api.Endpoints;

namespace Workflow.Functions.Http;

/// <summary>
/// One HTTP trigger per entry of <see cref="ApiEndpointTable"/> (same name, method and route; a test
/// checks them against the table). Authorization level is anonymous because App Service
/// authentication signs users in; the dispatcher applies each endpoint's roles.
/// </summary>
public sealed class ApiFunctions(ApiDispatcher api)
{
    [Function("CreateStudy")]
    public Task<IActionResult> CreateStudy([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Studies)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("ListStudies")]
    public Task<IActionResult> ListStudies([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Studies)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("ListStudyMembers")]
    public Task<IActionResult> ListStudyMembers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StudyMembers)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("PutStudyMember")]
    public Task<IActionResult> PutStudyMember([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.StudyMember)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("RemoveStudyMember")]
    public Task<IActionResult> RemoveStudyMember([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.StudyMember)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("PutStudyEngines")]
    public Task<IActionResult> PutStudyEngines([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.StudyEngines)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("PutStudyVerification")]
    public Task<IActionResult> PutStudyVerification([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.StudyVerification)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetStudyVerification")]
    public Task<IActionResult> GetStudyVerification([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StudyVerification)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("PutCodebook")]
    public Task<IActionResult> PutCodebook([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Codebook)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetCodebook")]
    public Task<IActionResult> GetCodebook([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Codebook)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetCodebookVersions")]
    public Task<IActionResult> GetCodebookVersions([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.CodebookVersions)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("LinkIdentifiers")]
    public Task<IActionResult> LinkIdentifiers([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.IdentifierLinks)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("PutIdentifiers")]
    public Task<IActionResult> PutIdentifiers([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Identifiers)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("ListEngines")]
    public Task<IActionResult> ListEngines([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Engines)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("UploadRecording")]
    public Task<IActionResult> UploadRecording([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.StudyRecordings)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GrantUpload")]
    public Task<IActionResult> GrantUpload([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.UploadGrants)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetUploadGrant")]
    public Task<IActionResult> GetUploadGrant([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.UploadGrant)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("ListRecordings")]
    public Task<IActionResult> ListRecordings([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StudyRecordings)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetRecording")]
    public Task<IActionResult> GetRecording([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Recording)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetRecordingTranscript")]
    public Task<IActionResult> GetRecordingTranscript([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.RecordingTranscript)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetRecordingAudio")]
    public Task<IActionResult> GetRecordingAudio([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.RecordingAudio)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetRecordingSpeakers")]
    public Task<IActionResult> GetRecordingSpeakers([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.RecordingSpeakers)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("PutRecordingSpeakers")]
    public Task<IActionResult> PutRecordingSpeakers([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.RecordingSpeakers)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetRedactionKey")]
    public Task<IActionResult> GetRedactionKey([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.RecordingRedactionKey)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetRecordingCustody")]
    public Task<IActionResult> GetRecordingCustody([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.RecordingCustody)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("DeleteRecording")]
    public Task<IActionResult> DeleteRecording([HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ApiRoutes.Recording)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("WithdrawParticipant")]
    public Task<IActionResult> WithdrawParticipant([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ParticipantWithdrawal)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetParticipantWithdrawal")]
    public Task<IActionResult> GetParticipantWithdrawal([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ParticipantWithdrawal)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("ClaimQueueItem")]
    public Task<IActionResult> ClaimQueueItem([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.QueueClaim)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("ReleaseQueueItem")]
    public Task<IActionResult> ReleaseQueueItem([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.QueueRelease)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("SkipQueueItem")]
    public Task<IActionResult> SkipQueueItem([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.QueueSkip)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetQueueSummary")]
    public Task<IActionResult> GetQueueSummary([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.QueueSummary)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("DecideQueueItem")]
    public Task<IActionResult> DecideQueueItem([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.QueueDecision)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("DecideQueueSegment")]
    public Task<IActionResult> DecideQueueSegment([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.QueueSegmentDecision)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("ReviseQueueDecision")]
    public Task<IActionResult> ReviseQueueDecision([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.QueueRevision)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("StartReprocess")]
    public Task<IActionResult> StartReprocess([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Reprocess)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetReprocessStatus")]
    public Task<IActionResult> GetReprocessStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.ReprocessStatus)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("CancelReprocess")]
    public Task<IActionResult> CancelReprocess([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReprocessCancel)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("RetryRecording")]
    public Task<IActionResult> RetryRecording([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.RecordingRetry)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("RetryReprocess")]
    public Task<IActionResult> RetryReprocess([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.ReprocessRetry)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetStudyExport")]
    public Task<IActionResult> GetStudyExport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StudyExport)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("MarkMissedIdentifier")]
    public Task<IActionResult> MarkMissedIdentifier([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.RecordingMissedIdentifiers)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetStudyThroughputReport")]
    public Task<IActionResult> GetStudyThroughputReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StudyThroughputReport)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetStudyCodeReport")]
    public Task<IActionResult> GetStudyCodeReport([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.StudyCodeReport)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetMe")]
    public Task<IActionResult> GetMe([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Me)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("WebApp")]
    public Task<IActionResult> WebApp([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.WebApp)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetAuditTrail")]
    public Task<IActionResult> GetAuditTrail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Audit)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("VerifyAuditTrail")]
    public Task<IActionResult> VerifyAuditTrail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.AuditVerify)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetAgreement")]
    public Task<IActionResult> GetAgreement([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Agreement)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("GetLearning")]
    public Task<IActionResult> GetLearning([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Learning)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    [Function("Health")]
    public Task<IActionResult> Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Health)] HttpRequest r, [DurableClient] DurableTaskClient c, FunctionContext f) => Run(f, r, c);

    /// <summary>
    /// Runs the endpoint named like the function. The shared handlers return ASP.NET Core results; they
    /// are executed on the real HttpContext, so one implementation serves both hosts.
    /// </summary>
    private async Task<IActionResult> Run(FunctionContext function, HttpRequest request, DurableTaskClient durable)
    {
        var endpoint = ApiEndpointTable.All.Single(e => e.Name == function.FunctionDefinition.Name);
        var data = function.BindingContext.BindingData;
        var routeValues = endpoint.RouteParameters
            .Where(p => data.TryGetValue(p, out var v) && v is not null)
            .ToDictionary(p => p, p => data[p]!.ToString()!);
        var result = await api.InvokeAsync(endpoint.Name, request, routeValues, durable, request.HttpContext.RequestAborted);
        await result.ExecuteAsync(request.HttpContext);
        return new EmptyResult();
    }
}
