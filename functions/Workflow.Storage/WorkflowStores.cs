using Azure.Storage.Blobs;
using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Storage.Configuration;
using Workflow.Storage.Documents;

namespace Workflow.Storage;

/// <summary>
/// All repositories, wired to the two accounts. Building this does no I/O; <see cref="EnsureCreatedAsync"/>
/// creates containers and tables once at start-up.
/// </summary>
public sealed class WorkflowStores
{
    private readonly StorageClients _identifiable;
    private readonly StorageClients _deidentified;

    public WorkflowStores(WorkflowStorageOptions options, TimeProvider time)
    {
        _identifiable = new StorageClients(options.Identifiable, nameof(options.Identifiable));
        _deidentified = new StorageClients(options.Deidentified, nameof(options.Deidentified));
        JsonBlobContainer Identifiable(string name) => new(_identifiable.Blobs.GetBlobContainerClient(name));
        JsonBlobContainer Deidentified(string name) => new(_deidentified.Blobs.GetBlobContainerClient(name));

        Studies = new StudyRepository(_deidentified.Tables.GetTableClient(StorageNames.StudiesTable));
        Recordings = new RecordingRepository(
            _deidentified.Tables.GetTableClient(StorageNames.RecordingsTable),
            _deidentified.Tables.GetTableClient(StorageNames.RecordingStudiesTable),
            time);
        Codebooks = new CodebookRepository(new VersionedDocuments<Codebook>(Deidentified(StorageNames.Codebooks)), time);
        Identifiers = new IdentifierListRepository(new VersionedDocuments<StudyIdentifierList>(Identifiable(StorageNames.StudyIdentifiers)));
        Pseudonyms = new PseudonymRegistryRepository(Identifiable(StorageNames.PseudonymKeys));
        RawUploads = new RawUploadRepository(_identifiable.Blobs.GetBlobContainerClient(StorageNames.RawUploads));
        Documents = new RecordingDocuments(
            Identifiable(StorageNames.IdentifiableTranscripts),
            Identifiable(StorageNames.PseudonymKeys),
            Deidentified(StorageNames.DeidentifiedTranscripts),
            Deidentified(StorageNames.Coding),
            Deidentified(StorageNames.FinalTranscripts));
        Verification = new VerificationQueue(_identifiable.Tables.GetTableClient(StorageNames.VerificationTable));
    }

    public StudyRepository Studies { get; }
    public RecordingRepository Recordings { get; }
    public CodebookRepository Codebooks { get; }
    public IdentifierListRepository Identifiers { get; }
    public PseudonymRegistryRepository Pseudonyms { get; }
    public RawUploadRepository RawUploads { get; }
    public RecordingDocuments Documents { get; }
    public VerificationQueue Verification { get; }

    /// <summary>The identifiable account's blobs, for the drop zone (<see cref="StorageNames.IncomingUploads"/>).</summary>
    public BlobServiceClient IdentifiableBlobs => _identifiable.Blobs;

    /// <summary>Creates every container and table the workflow uses (idempotent).</summary>
    public async Task EnsureCreatedAsync(CancellationToken ct)
    {
        foreach (var name in StorageNames.IdentifiableContainers)
            await _identifiable.Blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: ct);
        foreach (var name in StorageNames.DeidentifiedContainers)
            await _deidentified.Blobs.GetBlobContainerClient(name).CreateIfNotExistsAsync(cancellationToken: ct);
        await _identifiable.Tables.CreateTableIfNotExistsAsync(StorageNames.VerificationTable, ct);
        await _deidentified.Tables.CreateTableIfNotExistsAsync(StorageNames.StudiesTable, ct);
        await _deidentified.Tables.CreateTableIfNotExistsAsync(StorageNames.RecordingsTable, ct);
        await _deidentified.Tables.CreateTableIfNotExistsAsync(StorageNames.RecordingStudiesTable, ct);
    }
}
