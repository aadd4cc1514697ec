using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Workflow.Api;
using Workflow.Api.Handlers;

namespace Workflow.Functions.Http;

/// <summary>Study set-up endpoints. Authorization level is anonymous because App Service authentication signs users in; the handlers check roles.</summary>
public sealed class StudyFunctions(StudyHandlers handlers)
{
    [Function("CreateStudy")]
    public Task<IActionResult> CreateStudy(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoutes.Studies)] HttpRequest request, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.CreateStudyAsync(request, ct));

    [Function("PutCodebook")]
    public Task<IActionResult> PutCodebook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Codebook)] HttpRequest request, string studyId, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.PutCodebookAsync(request, studyId, ct));

    [Function("GetCodebook")]
    public Task<IActionResult> GetCodebook(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoutes.Codebook)] HttpRequest request, string studyId, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.GetCodebookAsync(request, studyId, ct));

    [Function("PutIdentifiers")]
    public Task<IActionResult> PutIdentifiers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ApiRoutes.Identifiers)] HttpRequest request, string studyId, CancellationToken ct) =>
        ResultExecution.ExecuteAsync(request, handlers.PutIdentifiersAsync(request, studyId, ct));
}
