namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>The pipeline's stages in order, and the six stage groups a kill is counted under.</summary>
internal static class CrashStages
{
    public static readonly string[] Order = ["Received", "Ingesting", "Transcribing", "Deidentifying", "Coding", "AwaitingVerification", "Finalizing", "Completed"];

    public const string Ingest = "ingest";
    public const string Transcription = "transcription";
    public const string Deidentification = "de-identification";
    public const string Coding = "coding";
    public const string Verification = "verification";
    public const string Finalisation = "finalisation";

    public static readonly string[] Groups = [Ingest, Transcription, Deidentification, Coding, Verification, Finalisation];

    /// <summary>Not a stage of the pipeline: the upload request itself, before the API answered.</summary>
    public const string Uploading = "Uploading";

    /// <summary>The group of a recording stage; an upload in flight, or a recording not yet picked up (Received), is still in ingest.</summary>
    public static string GroupOf(string stage) => stage switch
    {
        Uploading or "Received" or "Ingesting" => Ingest,
        "Transcribing" => Transcription,
        "Deidentifying" => Deidentification,
        "Coding" => Coding,
        "AwaitingVerification" => Verification,
        "Finalizing" => Finalisation,
        _ => "after completion",
    };

    public static bool IsBefore(string stage, string other) => Array.IndexOf(Order, stage) < Array.IndexOf(Order, other);
}
