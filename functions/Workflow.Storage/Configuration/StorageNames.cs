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
    public const string VerificationTable = "VerificationItems";

    // De-identified account
    public const string DeidentifiedTranscripts = "transcripts-deidentified";
    public const string Coding = "coding";
    public const string FinalTranscripts = "transcripts-final";
    public const string Codebooks = "codebooks";
    public const string StudiesTable = "Studies";
    public const string RecordingsTable = "Recordings";

    public static readonly string[] IdentifiableContainers = [RawUploads, IncomingUploads, IdentifiableTranscripts, PseudonymKeys, StudyIdentifiers, StudySecrets];
    public static readonly string[] DeidentifiedContainers = [DeidentifiedTranscripts, Coding, FinalTranscripts, Codebooks];
    public static readonly string[] IdentifiableTables = [VerificationTable];
    public static readonly string[] DeidentifiedTables = [StudiesTable, RecordingsTable];
}
