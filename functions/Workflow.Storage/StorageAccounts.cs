using Workflow.Storage.Configuration;

namespace Workflow.Storage;

/// <summary>
/// The clients of the two accounts the workflow keeps apart, built once from named configuration.
/// Building them does no I/O.
/// </summary>
public sealed class StorageAccounts(WorkflowStorageOptions options)
{
    /// <summary>Raw uploads and transcripts, identifier lists, the pseudonym key, the verification queue.</summary>
    public StorageClients Identifiable { get; } = new(options.Identifiable, nameof(options.Identifiable));

    /// <summary>De-identified and final transcripts, codings, codebooks, studies and recording status.</summary>
    public StorageClients Deidentified { get; } = new(options.Deidentified, nameof(options.Deidentified));
}
