using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Storage.Configuration;
using Workflow.Domain.Ports;
using Workflow.Storage.Documents;
using Workflow.Storage.Secrets;

namespace Workflow.Storage;

/// <summary>
/// Registers the workflow's storage from the <c>Storage</c> configuration section: the two accounts'
/// clients, and each repository on its own, so that a class names in its constructor exactly what it
/// reads and writes (and which account that is).
/// </summary>
public static class StorageServiceCollectionExtensions
{
    public static IServiceCollection AddWorkflowStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var options = WorkflowStorageOptions.From(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton<StorageAccounts>();
        services.AddSingleton<StorageProvisioner>();

        // De-identified account.
        services.AddSingleton(sp => new StudyRepository(Deidentified(sp).Tables.GetTableClient(StorageNames.StudiesTable)));
        services.AddSingleton(sp => new RecordingRepository(
            Deidentified(sp).Tables.GetTableClient(StorageNames.RecordingsTable),
            Deidentified(sp).Tables.GetTableClient(StorageNames.RecordingStudiesTable),
            Time(sp)));
        services.AddSingleton(sp => new CodebookRepository(new VersionedDocuments<Codebook>(DeidentifiedJson(sp, StorageNames.Codebooks)), Time(sp)));

        // Identifiable account.
        services.AddSingleton(sp => new IdentifierListRepository(new VersionedDocuments<StudyIdentifierList>(IdentifiableJson(sp, StorageNames.StudyIdentifiers))));
        services.AddSingleton(sp => new PseudonymRegistryRepository(IdentifiableJson(sp, StorageNames.PseudonymKeys), sp.GetRequiredService<IStudySecrets>()));
        services.AddSingleton<IStudySecrets>(sp => StudySecretsFrom(configuration, sp));
        services.AddSingleton(sp => new RawUploadRepository(Identifiable(sp).Blobs.GetBlobContainerClient(StorageNames.RawUploads)));
        services.AddSingleton(sp => new StudyBatchRecords(Deidentified(sp).Tables.GetTableClient(StorageNames.StudyBatchRecordsTable)));
        services.AddSingleton(sp => new StudyBatchLocks(Deidentified(sp).Tables.GetTableClient(StorageNames.StudyBatchesTable)));
        services.AddSingleton(sp => new VerificationQueue(Identifiable(sp).Tables.GetTableClient(StorageNames.VerificationTable)));
        services.AddSingleton(sp => new StudyMembers(Identifiable(sp).Tables.GetTableClient(StorageNames.StudyMembersTable)));
        services.AddSingleton<IAuditTrail>(sp => new AuditTrailTable(Identifiable(sp).Tables.GetTableClient(StorageNames.AuditTable), Time(sp)));
        services.AddSingleton(sp => new ParticipantWithdrawals(Identifiable(sp).Tables.GetTableClient(StorageNames.ParticipantWithdrawalsTable)));
        services.AddSingleton(sp => new UploadGrants(Identifiable(sp).Tables.GetTableClient(StorageNames.UploadGrantsTable)));
        services.AddSingleton(sp => new DroppedUploads(Identifiable(sp).Blobs.GetBlobContainerClient(StorageNames.IncomingUploads)));

        // Both: the identifiable transcript and key on one side, everything derived on the other.
        services.AddSingleton(sp => new RecordingDocuments(
            IdentifiableJson(sp, StorageNames.IdentifiableTranscripts),
            IdentifiableJson(sp, StorageNames.PseudonymKeys),
            DeidentifiedJson(sp, StorageNames.DeidentifiedTranscripts),
            DeidentifiedJson(sp, StorageNames.Coding),
            DeidentifiedJson(sp, StorageNames.FinalTranscripts)));
        services.AddSingleton<ILearningCurve>(sp => new LearningCurveTable(Deidentified(sp).Tables.GetTableClient(StorageNames.LearningCurveTable)));
        services.AddSingleton(sp => new DeidentifiedAudioRepository(Deidentified(sp).Blobs.GetBlobContainerClient(StorageNames.DeidentifiedAudio)));
        services.AddSingleton<ICodingExamples>(sp => new StoredCodingExamples(
            sp.GetRequiredService<RecordingRepository>(), sp.GetRequiredService<VerificationQueue>(), sp.GetRequiredService<RecordingDocuments>()));
        services.AddSingleton(sp => new RecordingEraser(
            [.. StorageNames.PerRecordingIdentifiableContainers.Select(c => Identifiable(sp).Blobs.GetBlobContainerClient(c)),
             .. StorageNames.PerRecordingDeidentifiedContainers.Select(c => Deidentified(sp).Blobs.GetBlobContainerClient(c))],
            sp.GetRequiredService<RecordingDocuments>(), sp.GetRequiredService<RecordingRepository>(),
            sp.GetRequiredService<PseudonymRegistryRepository>(), sp.GetRequiredService<VerificationQueue>(), sp.GetRequiredService<StudyBatchRecords>()));
        return services;
    }

    /// <summary>
    /// <c>Secrets:Store</c>: <c>file</c> (a folder apart from both accounts, <c>Secrets:Directory</c>; the
    /// local runner's choice), <c>blob</c> (a container of the identifiable account, for multi-instance
    /// hosts without a vault; the default) or <c>keyvault</c> (Azure Key Vault at <c>Secrets:KeyVaultUri</c>,
    /// with the user-assigned identity <c>Secrets:ClientId</c>, or DefaultAzureCredential without one;
    /// what the deployment in <c>infra/</c> uses).
    /// </summary>
    private static IStudySecrets StudySecretsFrom(IConfiguration configuration, IServiceProvider sp) =>
        (configuration["Secrets:Store"] ?? "blob").Trim().ToLowerInvariant() switch
        {
            "file" => new FileStudySecrets(configuration["Secrets:Directory"] is { Length: > 0 } dir ? dir
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "qualitative-workflow", "study-secrets")),
            "blob" => new BlobStudySecrets(Identifiable(sp).Blobs.GetBlobContainerClient(StorageNames.StudySecrets)),
            "keyvault" => new KeyVaultStudySecrets(KeyVaultClientFrom(configuration, sp)),
            var other => throw new InvalidOperationException($"Secrets:Store '{other}' is not known; use file, blob or keyvault."),
        };

    private static Azure.Security.KeyVault.Secrets.SecretClient KeyVaultClientFrom(IConfiguration configuration, IServiceProvider sp)
    {
        if (!Uri.TryCreate(configuration["Secrets:KeyVaultUri"], UriKind.Absolute, out var vault) || vault.Scheme != Uri.UriSchemeHttps)
            throw new InvalidOperationException("Secrets:Store is keyvault, but Secrets:KeyVaultUri is not an https URL of a vault (https://NAME.vault.azure.net/).");
        // A test may hand in its own client (a transport replaying Key Vault's answers).
        if (sp.GetService<Azure.Security.KeyVault.Secrets.SecretClient>() is { } given) return given;
        Azure.Core.TokenCredential credential = configuration["Secrets:ClientId"] is { Length: > 0 } clientId
            ? new Azure.Identity.ManagedIdentityCredential(Azure.Identity.ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new Azure.Identity.DefaultAzureCredential();
        return new Azure.Security.KeyVault.Secrets.SecretClient(vault, credential);
    }

    private static StorageClients Identifiable(IServiceProvider sp) => sp.GetRequiredService<StorageAccounts>().Identifiable;

    private static StorageClients Deidentified(IServiceProvider sp) => sp.GetRequiredService<StorageAccounts>().Deidentified;

    private static JsonBlobContainer IdentifiableJson(IServiceProvider sp, string name) => new(Identifiable(sp).Blobs.GetBlobContainerClient(name));

    private static JsonBlobContainer DeidentifiedJson(IServiceProvider sp, string name) => new(Deidentified(sp).Blobs.GetBlobContainerClient(name));

    private static TimeProvider Time(IServiceProvider sp) => sp.GetRequiredService<TimeProvider>();
}
