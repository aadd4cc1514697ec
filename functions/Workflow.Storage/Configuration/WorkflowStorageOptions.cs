namespace Workflow.Storage.Configuration;

/// <summary>
/// The two stores the workflow keeps apart (configuration section <c>Storage</c>). Identifiable
/// material (raw audio and transcripts, pseudonym keys, identifier lists, the verification queue,
/// which shows coders the words a redaction hides) lives in <see cref="Identifiable"/>; everything
/// de-identified (transcripts, codings, codebooks, recording status) in <see cref="Deidentified"/>.
/// In Azure they are separate accounts with separate access; locally both can be Azurite.
/// </summary>
public sealed class WorkflowStorageOptions
{
    public const string SectionName = "Storage";

    public StorageAccountOptions Identifiable { get; set; } = new();

    public StorageAccountOptions Deidentified { get; set; } = new();
}
