using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Domain.Uploads;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Orchestrations.Retention;
using Workflow.Storage;

namespace Workflow.Integration.Tests.Retention;

/// <summary>The grant sweep on Azurite: grants (with their names and fields) go a day after expiry, unless their file is waiting in the drop zone.</summary>
public class UploadGrantSweepTests
{
    [Fact]
    public async Task ExpiredGrants_AreForgotten_ButNotOnesWhoseFileWaitsOrThatAreStillAnswered()
    {
        var stores = await Azurite.StoresAsync();
        var grants = stores.Services.GetRequiredService<UploadGrants>();
        var dropZone = stores.Services.GetRequiredService<DroppedUploads>();
        var study = Azurite.UniqueStudyId("grantsweep");
        var now = DateTimeOffset.UtcNow;

        async Task<UploadGrant> AddAsync(TimeSpan expiresIn, Func<UploadGrant, UploadGrant>? shape = null)
        {
            var grant = new UploadGrant(study, UploadGrantNames.NewGrantId(), "Jo Bloggs.wav", "audio/wav", 3,
                new Dictionary<string, string> { ["interviewer"] = "Sam" }, "int-1", now - TimeSpan.FromDays(3), now + expiresIn);
            grant = shape?.Invoke(grant) ?? grant;
            Assert.True(await grants.TryAddAsync(grant, CancellationToken.None));
            return grant;
        }
        var stale = await AddAsync(-TimeSpan.FromDays(2));
        var accepted = await AddAsync(-TimeSpan.FromDays(2), g => g.Accept("rec-1", false, now - TimeSpan.FromDays(2)));
        var fileWaiting = await AddAsync(-TimeSpan.FromDays(2));
        // Marked as refused, so a drop-zone runner of a parallel test leaves it alone; the sweep looks only at whether it exists.
        await dropZone.Container.GetBlobClient(fileWaiting.BlobName).UploadAsync(new BinaryData(new byte[] { 1, 2, 3 }),
            new Azure.Storage.Blobs.Models.BlobUploadOptions { Metadata = new Dictionary<string, string> { [Workflow.Api.Uploads.DroppedUploadIntake.ErrorMetadata] = "test" } });
        var justExpired = await AddAsync(-TimeSpan.FromHours(12), g => g.Refuse("too short", now - TimeSpan.FromHours(13)));
        var live = await AddAsync(TimeSpan.FromHours(1));

        var sweep = new UploadGrantSweep(grants, dropZone, TimeProvider.System, NullLogger<UploadGrantSweep>.Instance);
        Assert.True(await sweep.RunOnceAsync(CancellationToken.None) >= 2);

        async Task<bool> KeptAsync(UploadGrant g) => (await grants.GetAsync(study, g.GrantId, CancellationToken.None)).Grant is not null;
        Assert.False(await KeptAsync(stale));
        Assert.False(await KeptAsync(accepted));
        Assert.True(await KeptAsync(fileWaiting));
        Assert.True(await KeptAsync(justExpired));
        Assert.True(await KeptAsync(live));
        await dropZone.Container.GetBlobClient(fileWaiting.BlobName).DeleteIfExistsAsync();
    }
}
