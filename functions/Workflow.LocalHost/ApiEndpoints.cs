using Microsoft.DurableTask.Client;
using Workflow.Api;
using Workflow.Api.Handlers;

namespace Workflow.LocalHost;

/// <summary>Maps the shared handlers on the same routes the Functions app declares.</summary>
public static class ApiEndpoints
{
    public static void MapWorkflowApi(this WebApplication app)
    {
        var api = app.MapGroup("/" + ApiRoutes.Prefix);
        api.MapPost(ApiRoutes.Studies, (HttpRequest r, StudyHandlers h, CancellationToken ct) => h.CreateStudyAsync(r, ct));
        api.MapPut(ApiRoutes.Codebook, (HttpRequest r, string studyId, StudyHandlers h, CancellationToken ct) => h.PutCodebookAsync(r, studyId, ct));
        api.MapGet(ApiRoutes.Codebook, (HttpRequest r, string studyId, StudyHandlers h, CancellationToken ct) => h.GetCodebookAsync(r, studyId, ct));
        api.MapPut(ApiRoutes.Identifiers, (HttpRequest r, string studyId, StudyHandlers h, CancellationToken ct) => h.PutIdentifiersAsync(r, studyId, ct));

        api.MapPost(ApiRoutes.StudyRecordings, (HttpRequest r, string studyId, RecordingHandlers h, DurableTaskClient c, CancellationToken ct) => h.UploadAsync(r, studyId, c, ct));
        api.MapGet(ApiRoutes.StudyRecordings, (HttpRequest r, string studyId, RecordingHandlers h, CancellationToken ct) => h.ListAsync(r, studyId, ct));
        api.MapGet(ApiRoutes.Recording, (HttpRequest r, string recordingId, RecordingHandlers h, DurableTaskClient c, CancellationToken ct) => h.GetAsync(r, recordingId, c, ct));
        api.MapGet(ApiRoutes.RecordingTranscript, (HttpRequest r, string recordingId, RecordingHandlers h, CancellationToken ct) => h.GetTranscriptAsync(r, recordingId, ct));

        api.MapPost(ApiRoutes.QueueClaim, (HttpRequest r, string studyId, QueueHandlers h, CancellationToken ct) => h.ClaimAsync(r, studyId, ct));
        api.MapPost(ApiRoutes.QueueDecision, (HttpRequest r, string itemId, QueueHandlers h, DurableTaskClient c, CancellationToken ct) => h.DecideAsync(r, itemId, c, ct));

        api.MapPost(ApiRoutes.Reprocess, (HttpRequest r, string studyId, ReprocessHandlers h, DurableTaskClient c, CancellationToken ct) => h.StartAsync(r, studyId, c, ct));
        api.MapGet(ApiRoutes.ReprocessStatus, (HttpRequest r, string studyId, string operationId, ReprocessHandlers h, DurableTaskClient c, CancellationToken ct) => h.StatusAsync(r, studyId, operationId, c, ct));

        api.MapGet(ApiRoutes.Health, HealthHandler.Get);
    }
}
