using Microsoft.Extensions.Logging;
using Workflow.Domain.Uploads;
using Workflow.Storage;

namespace Workflow.Orchestrations.Retention;

/// <summary>
/// Forgets upload grants a day after their URL ran out: a waiting or refused grant still holds the
/// file name and the form's fields (participants, the interviewer's name), which are needed only
/// while the file can still arrive. A waiting grant whose file is in the drop zone is kept, so a
/// file written in time is never orphaned. Runs with the retention sweep, on both hosts.
/// </summary>
public sealed class UploadGrantSweep(UploadGrants grants, DroppedUploads dropZone, TimeProvider time, ILogger<UploadGrantSweep> log)
{
    /// <summary>How long after expiry a grant is still answered (the uploader's last look at its state).</summary>
    public static readonly TimeSpan KeptAfterExpiry = TimeSpan.FromDays(1);

    /// <summary>Returns how many grants were forgotten.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var forgotten = 0;
        foreach (var (grant, etag) in await grants.ListExpiredBeforeAsync(time.GetUtcNow() - KeptAfterExpiry, ct))
        {
            if (grant.State == UploadGrantState.Waiting && await dropZone.Container.GetBlobClient(grant.BlobName).ExistsAsync(ct)) continue;
            await grants.DeleteAsync(grant, etag, ct);
            forgotten++;
        }
        if (forgotten > 0) log.LogInformation("Forgot {Count} expired upload grants", forgotten);
        return forgotten;
    }
}
