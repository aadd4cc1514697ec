using Microsoft.Extensions.DependencyInjection;
using Workflow.Storage;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>The repositories as the hosts register them (one by one), gathered for tests.</summary>
public sealed class TestStores(IServiceProvider services)
{
    public IServiceProvider Services { get; } = services;
    public StudyRepository Studies => Services.GetRequiredService<StudyRepository>();
    public RecordingRepository Recordings => Services.GetRequiredService<RecordingRepository>();
    public CodebookRepository Codebooks => Services.GetRequiredService<CodebookRepository>();
    public IdentifierListRepository Identifiers => Services.GetRequiredService<IdentifierListRepository>();
    public PseudonymRegistryRepository Pseudonyms => Services.GetRequiredService<PseudonymRegistryRepository>();
    public RawUploadRepository RawUploads => Services.GetRequiredService<RawUploadRepository>();
    public RecordingDocuments Documents => Services.GetRequiredService<RecordingDocuments>();
    public VerificationQueue Verification => Services.GetRequiredService<VerificationQueue>();
    public StudyBatchLocks BatchLocks => Services.GetRequiredService<StudyBatchLocks>();
    public StorageAccounts Accounts => Services.GetRequiredService<StorageAccounts>();
}
