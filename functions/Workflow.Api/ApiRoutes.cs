namespace Workflow.Api;

/// <summary>
/// Route templates (relative to <c>/api</c>). <see cref="Endpoints.ApiEndpointTable"/> pairs each with
/// its method, roles and handler; the Functions triggers use the same constants.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";
    public const string Studies = "studies";
    public const string StudyMembers = "studies/{studyId}/members";
    public const string StudyMember = "studies/{studyId}/members/{userId}";
    public const string StudyEngines = "studies/{studyId}/engines";
    public const string StudyVerification = "studies/{studyId}/verification";
    public const string Engines = "engines";
    public const string Codebook = "studies/{studyId}/codebook";
    public const string CodebookVersions = "studies/{studyId}/codebook/versions";
    public const string Identifiers = "studies/{studyId}/identifiers";
    public const string IdentifierLinks = "studies/{studyId}/identifiers/links";
    public const string StudyRecordings = "studies/{studyId}/recordings";
    public const string Recording = "recordings/{recordingId}";
    public const string RecordingTranscript = "recordings/{recordingId}/transcript";
    public const string RecordingAudio = "recordings/{recordingId}/audio";
    public const string RecordingRedactionKey = "recordings/{recordingId}/redaction-key";
    public const string RecordingCustody = "recordings/{recordingId}/custody";
    public const string RecordingSpeakers = "recordings/{recordingId}/speakers";
    public const string RecordingMissedIdentifiers = "recordings/{recordingId}/missed-identifiers";
    public const string RecordingRetry = "recordings/{recordingId}/retry";
    public const string QueueClaim = "studies/{studyId}/queue/claim";
    public const string QueueDecision = "queue/items/{itemId}/decision";
    public const string QueueRelease = "queue/items/{itemId}/release";
    public const string QueueSkip = "queue/items/{itemId}/skip";
    public const string QueueRevision = "queue/items/{itemId}/revision";
    public const string QueueSegmentDecision = "queue/items/{itemId}/segment-decision";
    public const string Reprocess = "studies/{studyId}/reprocess";
    public const string ReprocessStatus = "studies/{studyId}/reprocess/{operationId}";
    public const string ReprocessCancel = "studies/{studyId}/reprocess/{operationId}/cancel";
    public const string ReprocessRetry = "studies/{studyId}/reprocess/{operationId}/retry";
    public const string StudyExport = "studies/{studyId}/exports/{format}";
    public const string StudyCodeReport = "studies/{studyId}/reports/codes";
    public const string StudyThroughputReport = "studies/{studyId}/reports/throughput";
    public const string Audit = "studies/{studyId}/audit";
    public const string AuditVerify = "studies/{studyId}/audit/verify";
    public const string Agreement = "studies/{studyId}/agreement";
    public const string Learning = "studies/{studyId}/learning";
    public const string Health = "health";
    public const string Me = "me";
    public const string QueueSummary = "studies/{studyId}/queue";
    public const string ParticipantWithdrawal = "studies/{studyId}/participants/{participantId}/withdrawal";
    public const string UploadGrants = "studies/{studyId}/upload-grants";
    public const string UploadGrant = "studies/{studyId}/upload-grants/{grantId}";
    public const string WebApp = "app/{*path}";

    /// <summary>Where the browser front end starts.</summary>
    public const string WebAppUrl = "/" + Prefix + "/app/";

    /// <summary>The absolute path of a recording's status resource.</summary>
    public static string RecordingUrl(string recordingId) => $"/{Prefix}/recordings/{recordingId}";

    /// <summary>The absolute path of a participant's withdrawal.</summary>
    public static string WithdrawalUrl(string studyId, string participantId) => $"/{Prefix}/studies/{studyId}/participants/{Uri.EscapeDataString(participantId)}/withdrawal";

    /// <summary>The absolute path of an upload grant's status resource.</summary>
    public static string UploadGrantUrl(string studyId, string grantId) => $"/{Prefix}/studies/{studyId}/upload-grants/{grantId}";

    /// <summary>The absolute path of a batch operation's status resource.</summary>
    public static string ReprocessUrl(string studyId, string operationId) => $"/{Prefix}/studies/{studyId}/reprocess/{operationId}";
}
