namespace Workflow.Domain.Ports;

/// <summary>
/// Each study's secret for keyed hashing of its pseudonym registry, held apart from the registry
/// (a local secret file for the runner; Key Vault in Azure). Created on first use, never changed:
/// losing it would give every entity a new pseudonym.
/// </summary>
public interface IStudySecrets
{
    Task<byte[]> GetOrCreateAsync(string studyId, CancellationToken cancellationToken);
}
