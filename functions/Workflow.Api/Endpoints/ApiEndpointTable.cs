using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Handlers;
using static Workflow.Api.Auth.WorkflowRoles;

namespace Workflow.Api.Endpoints;

/// <summary>
/// Every route of the HTTP API, once. The local runner maps this table; the Functions app has one
/// wrapper per entry, checked against it by a test; another test walks it with every role, as a
/// member and as a non-member. Roles of a route with a study, recording or queue item are the
/// caller's roles in that study; <c>Admin</c> is the identity role that may also use it.
/// </summary>
public static class ApiEndpointTable
{
    public static readonly IReadOnlyList<ApiEndpoint> All =
    [
        On<StudyHandlers>("CreateStudy", "POST", ApiRoutes.Studies, [Admin], (h, c) => h.CreateStudyAsync(c)),
        On<MembershipHandlers>("ListStudies", "GET", ApiRoutes.Studies, [], (h, c) => h.ListStudiesAsync(c), ApiAccess.SignedIn),
        On<MembershipHandlers>("ListStudyMembers", "GET", ApiRoutes.StudyMembers, [Lead, Admin], (h, c) => h.ListAsync(c)),
        On<MembershipHandlers>("PutStudyMember", "PUT", ApiRoutes.StudyMember, [Lead, Admin], (h, c) => h.PutAsync(c)),
        On<MembershipHandlers>("RemoveStudyMember", "DELETE", ApiRoutes.StudyMember, [Lead, Admin], (h, c) => h.RemoveAsync(c)),
        On<StudyHandlers>("PutStudyEngines", "PUT", ApiRoutes.StudyEngines, [Lead], (h, c) => h.PutEnginesAsync(c)),
        On<VerificationSettingsHandler>("PutStudyVerification", "PUT", ApiRoutes.StudyVerification, [Lead], (h, c) => h.PutAsync(c)),
        On<VerificationSettingsHandler>("GetStudyVerification", "GET", ApiRoutes.StudyVerification, Auth.WorkflowRoles.All, (h, c) => h.GetAsync(c)),
        On<StudyHandlers>("PutCodebook", "PUT", ApiRoutes.Codebook, [Lead], (h, c) => h.PutCodebookAsync(c)),
        On<StudyHandlers>("GetCodebook", "GET", ApiRoutes.Codebook, Auth.WorkflowRoles.All, (h, c) => h.GetCodebookAsync(c)),
        On<StudyHandlers>("GetCodebookVersions", "GET", ApiRoutes.CodebookVersions, Auth.WorkflowRoles.All, (h, c) => h.GetCodebookVersionsAsync(c)),
        On<StudyHandlers>("PutIdentifiers", "PUT", ApiRoutes.Identifiers, [Lead], (h, c) => h.PutIdentifiersAsync(c)),
        On<IdentifierLinkHandler>("LinkIdentifiers", "POST", ApiRoutes.IdentifierLinks, [Lead], (h, c) => h.LinkAsync(c)),
        On<StudyHandlers>("ListEngines", "GET", ApiRoutes.Engines, [], (h, c) => h.ListEnginesAsync(c), ApiAccess.SignedIn),

        On<RecordingHandlers>("UploadRecording", "POST", ApiRoutes.StudyRecordings, [Interviewer, Lead], (h, c) => h.UploadAsync(c)),
        On<UploadGrantHandlers>("GrantUpload", "POST", ApiRoutes.UploadGrants, [Interviewer, Lead], (h, c) => h.CreateAsync(c)),
        On<UploadGrantHandlers>("GetUploadGrant", "GET", ApiRoutes.UploadGrant, [Interviewer, Lead], (h, c) => h.GetAsync(c)),
        On<RecordingHandlers>("ListRecordings", "GET", ApiRoutes.StudyRecordings, Auth.WorkflowRoles.All, (h, c) => h.ListAsync(c)),
        On<RecordingHandlers>("GetRecording", "GET", ApiRoutes.Recording, Auth.WorkflowRoles.All, (h, c) => h.GetAsync(c)),
        On<RecordingHandlers>("GetRecordingTranscript", "GET", ApiRoutes.RecordingTranscript, Auth.WorkflowRoles.All, (h, c) => h.GetTranscriptAsync(c)),
        On<RecordingAudioHandler>("GetRecordingAudio", "GET", ApiRoutes.RecordingAudio, Auth.WorkflowRoles.All, (h, c) => h.GetAsync(c)),
        On<SpeakerNamesHandler>("GetRecordingSpeakers", "GET", ApiRoutes.RecordingSpeakers, Auth.WorkflowRoles.All, (h, c) => h.GetAsync(c)),
        On<SpeakerNamesHandler>("PutRecordingSpeakers", "PUT", ApiRoutes.RecordingSpeakers, [Interviewer, Lead], (h, c) => h.PutAsync(c)),
        On<RecordingHandlers>("GetRedactionKey", "GET", ApiRoutes.RecordingRedactionKey, [Lead], (h, c) => h.GetRedactionKeyAsync(c)),
        On<CustodyHandler>("GetRecordingCustody", "GET", ApiRoutes.RecordingCustody, [Lead], (h, c) => h.GetAsync(c)),
        On<DeletionHandlers>("DeleteRecording", "DELETE", ApiRoutes.Recording, [Lead], (h, c) => h.DeleteRecordingAsync(c)),
        On<DeletionHandlers>("WithdrawParticipant", "POST", ApiRoutes.ParticipantWithdrawal, [Lead], (h, c) => h.WithdrawAsync(c)),
        On<DeletionHandlers>("GetParticipantWithdrawal", "GET", ApiRoutes.ParticipantWithdrawal, [Lead], (h, c) => h.GetWithdrawalAsync(c)),

        On<QueueHandlers>("ClaimQueueItem", "POST", ApiRoutes.QueueClaim, [Coder, Lead], (h, c) => h.ClaimAsync(c)),
        On<MissedIdentifierHandler>("MarkMissedIdentifier", "POST", ApiRoutes.RecordingMissedIdentifiers, [Coder, Lead], (h, c) => h.MarkAsync(c)),
        On<QueueHandlers>("ReleaseQueueItem", "POST", ApiRoutes.QueueRelease, [Coder, Lead], (h, c) => h.ReleaseAsync(c)),
        On<QueueHandlers>("SkipQueueItem", "POST", ApiRoutes.QueueSkip, [Coder, Lead], (h, c) => h.SkipAsync(c)),
        On<QueueHandlers>("GetQueueSummary", "GET", ApiRoutes.QueueSummary, Auth.WorkflowRoles.All, (h, c) => h.SummaryAsync(c)),
        On<QueueHandlers>("DecideQueueItem", "POST", ApiRoutes.QueueDecision, [Coder, Lead], (h, c) => h.DecideAsync(c)),
        On<SegmentDecisionHandler>("DecideQueueSegment", "POST", ApiRoutes.QueueSegmentDecision, [Coder, Lead], (h, c) => h.DecideAsync(c)),
        On<DecisionRevisionHandler>("ReviseQueueDecision", "POST", ApiRoutes.QueueRevision, [Coder, Lead], (h, c) => h.ReviseAsync(c)),

        On<ReprocessHandlers>("StartReprocess", "POST", ApiRoutes.Reprocess, [Lead], (h, c) => h.StartAsync(c)),
        On<ReprocessHandlers>("GetReprocessStatus", "GET", ApiRoutes.ReprocessStatus, [Lead], (h, c) => h.StatusAsync(c)),
        On<ReprocessHandlers>("CancelReprocess", "POST", ApiRoutes.ReprocessCancel, [Lead], (h, c) => h.CancelAsync(c)),
        On<RecordingRetryHandler>("RetryRecording", "POST", ApiRoutes.RecordingRetry, [Lead], (h, c) => h.RetryAsync(c)),
        On<ReprocessHandlers>("RetryReprocess", "POST", ApiRoutes.ReprocessRetry, [Lead], (h, c) => h.RetryAsync(c)),

        On<AuditHandlers>("GetAuditTrail", "GET", ApiRoutes.Audit, [Lead], (h, c) => h.GetAsync(c)),
        On<AuditHandlers>("VerifyAuditTrail", "GET", ApiRoutes.AuditVerify, [Lead], (h, c) => h.VerifyAsync(c)),
        On<AgreementHandlers>("GetAgreement", "GET", ApiRoutes.Agreement, [Lead], (h, c) => h.GetAsync(c)),
        On<LearningHandlers>("GetLearning", "GET", ApiRoutes.Learning, [Lead], (h, c) => h.GetAsync(c)),

        On<ExportHandlers>("GetStudyExport", "GET", ApiRoutes.StudyExport, [Lead], (h, c) => h.ExportAsync(c)),
        On<ExportHandlers>("GetStudyCodeReport", "GET", ApiRoutes.StudyCodeReport, [Lead], (h, c) => h.CodeReportAsync(c)),
        On<ThroughputReportHandler>("GetStudyThroughputReport", "GET", ApiRoutes.StudyThroughputReport, [Lead], (h, c) => h.GetAsync(c)),

        On<MeHandler>("GetMe", "GET", ApiRoutes.Me, [], (h, c) => h.GetAsync(c), ApiAccess.SignedIn),
        new ApiEndpoint("WebApp", "GET", ApiRoutes.WebApp, [], (services, call) => services.GetRequiredService<WebAppHandler>().GetAsync(call), ApiAccess.Anonymous),
        new ApiEndpoint("Health", "GET", ApiRoutes.Health, [], (services, call) => services.GetRequiredService<HealthHandler>().GetAsync(call), ApiAccess.Anonymous),
    ];

    private static ApiEndpoint On<THandlers>(string name, string method, string route, IReadOnlyList<string> roles, Func<THandlers, ApiCall, Task<IResult>> run, ApiAccess access = ApiAccess.Roles)
        where THandlers : notnull =>
        new(name, method, route, roles, (services, call) => run(services.GetRequiredService<THandlers>(), call), access);
}
