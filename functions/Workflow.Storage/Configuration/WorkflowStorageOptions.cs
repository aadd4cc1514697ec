using Microsoft.Extensions.Configuration;

namespace Workflow.Storage.Configuration;

/// <summary>
/// The two stores the workflow keeps apart. Identifiable material (raw audio and transcripts,
/// pseudonym keys, identifier lists, the verification queue, which shows coders the words a
/// redaction hides) lives in <see cref="Identifiable"/> (setting <c>Storage:Identifiable</c>);
/// everything de-identified (transcripts, codings, codebooks, recording status) in
/// <see cref="Deidentified"/> (<c>Storage:Deidentified</c>). In Azure they are separate accounts with
/// separate access; locally both can be Azurite.
/// </summary>
public sealed record WorkflowStorageOptions(StorageAccountOptions Identifiable, StorageAccountOptions Deidentified)
{
    public const string IdentifiableConnection = "Storage:Identifiable";
    public const string DeidentifiedConnection = "Storage:Deidentified";

    public static WorkflowStorageOptions From(IConfiguration configuration) =>
        new(StorageAccountOptions.From(configuration, IdentifiableConnection), StorageAccountOptions.From(configuration, DeidentifiedConnection));
}
