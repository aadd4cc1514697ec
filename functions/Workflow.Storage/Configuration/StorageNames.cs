namespace Workflow.Storage.Configuration;

/// <summary>Container and table names, in one place so infrastructure and code agree.</summary>
public static class StorageNames
{
    // Identifiable account
    public const string RawUploads = "raw-uploads";
    public const string IncomingUploads = "uploads";
    public const string IdentifiableTranscripts = "transcripts-identifiable";
    public const string PseudonymKeys = "pseudonym-keys";
    public const string StudyIdentifiers = "study-identifiers";
    public const string StudySecrets = "study-secrets";
    /// <summary>The verification queue, partitioned by study (replaces the per-recording "VerificationItems").</summary>
    public const string VerificationTable = "VerificationQueue";
    /// <summary>Each study's hash-chained audit trail (it names users and what they looked at).</summary>
    public const string AuditTable = "AuditTrail";
    /// <summary>Who holds which roles in each study (it names the team, and who may read what).</summary>
    public const string StudyMembersTable = "StudyMembers";
    /// <summary>Participants who withdrew consent, so their later uploads are refused.</summary>
    public const string ParticipantWithdrawalsTable = "ParticipantWithdrawals";
    /// <summary>SAS upload grants, with the metadata checked when they were given (until the upload is taken in).</summary>
    public const string UploadGrantsTable = "UploadGrants";

    // De-identified account
    public const string DeidentifiedTranscripts = "transcripts-deidentified";
    public const string Coding = "coding";
    public const string FinalTranscripts = "transcripts-final";
    public const string Codebooks = "codebooks";
    /// <summary>Recordings with the identifiers toned out, for coders who listen (voices remain: retained like the raw audio).</summary>
    public const string DeidentifiedAudio = "audio-deidentified";
    public const string StudiesTable = "Studies";
    /// <summary>Recording status, partitioned by study (replaces the per-recording "Recordings").</summary>
    public const string RecordingsTable = "RecordingsByStudy";
    /// <summary>Immutable recording id to study id rows, so a recording is found without its study.</summary>
    public const string RecordingStudiesTable = "RecordingStudies";
    /// <summary>Which batch holds each study's batch lock (ids only).</summary>
    public const string StudyBatchesTable = "StudyBatches";
    /// <summary>Each batch's targets, skips and per-recording results (ids, statuses, reasons).</summary>
    public const string StudyBatchRecordsTable = "StudyBatchRecords";
    /// <summary>Each study's learning-curve points (counts and agreement figures per training; no text, no code names).</summary>
    public const string LearningCurveTable = "LearningCurve";

    public static readonly string[] IdentifiableContainers = [RawUploads, IncomingUploads, IdentifiableTranscripts, PseudonymKeys, StudyIdentifiers, StudySecrets];
    public static readonly string[] DeidentifiedContainers = [DeidentifiedTranscripts, Coding, FinalTranscripts, Codebooks, DeidentifiedAudio];
    public static readonly string[] IdentifiableTables = [VerificationTable, AuditTable, StudyMembersTable, ParticipantWithdrawalsTable, UploadGrantsTable];
    /// <summary>Containers whose blobs are named <c>{studyId}/{recordingId}...</c>: what deleting a recording empties.</summary>
    public static readonly string[] PerRecordingIdentifiableContainers = [RawUploads, IdentifiableTranscripts, PseudonymKeys];
    public static readonly string[] PerRecordingDeidentifiedContainers = [DeidentifiedTranscripts, Coding, FinalTranscripts, DeidentifiedAudio];
    public static readonly string[] DeidentifiedTables = [StudiesTable, RecordingsTable, RecordingStudiesTable, StudyBatchesTable, StudyBatchRecordsTable, LearningCurveTable];
}
