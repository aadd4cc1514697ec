using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Domain.Studies;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Integration.Tests.Storage;
using Workflow.Orchestrations.Retention;
using Workflow.Storage;

namespace Workflow.Integration.Tests.Retention;

/// <summary>The retention sweep on Azurite: verified audio past its period goes, with the date on the row and an audit event; nothing else is touched.</summary>
public class RawAudioRetentionSweepTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public async Task VerifiedAudioPastItsPeriod_IsDeleted_WithItsDeidentifiedCopy_Once_AndEverythingElseStays()
    {
        var now = StorageSamples.T0.AddDays(100);
        var stores = await Azurite.StoresAsync(new FixedTime(now));
        var copies = stores.Services.GetRequiredService<DeidentifiedAudioRepository>();
        var copyFile = Path.GetTempFileName();
        await File.WriteAllBytesAsync(copyFile, [4, 5, 6]);
        var study = Azurite.UniqueStudyId("retain");
        await stores.Studies.TryCreateAsync(new Study(study, "Retention", [new Site("site-a", "Site A")], now), CancellationToken.None);

        async Task<Recording> AddAsync(Func<Recording, Recording> shape)
        {
            var recording = shape(StorageSamples.Recording(study, StorageSamples.T0));
            Assert.True(await stores.Recordings.TryCreateAsync(recording, CancellationToken.None));
            var blob = RawUploadRepository.NameOf(study, recording.Id, Path.GetExtension(recording.FileName));
            await stores.RawUploads.SaveAsync(blob, new MemoryStream([1, 2, 3]), "audio/wav", "interview.wav", CancellationToken.None);
            await copies.SaveAsync(study, recording.Id, copyFile, "audio/ogg", CancellationToken.None);
            return recording;
        }
        var old = await AddAsync(r => r with { Status = RecordingStatus.Completed, Stage = PipelineStage.Completed, VerifiedAt = now.AddDays(-31) });
        var recent = await AddAsync(r => r with { Status = RecordingStatus.Completed, Stage = PipelineStage.Completed, VerifiedAt = now.AddDays(-29) });
        var waiting = await AddAsync(r => r with { Status = RecordingStatus.WaitingForVerification, Stage = PipelineStage.AwaitingVerification });

        var sweep = new RawAudioRetentionSweep(stores.Studies, stores.Recordings, stores.RawUploads, copies, stores.Services.GetRequiredService<IAuditTrail>(),
            Options.Create(new RetentionOptions { RawAudioDaysAfterVerification = 30 }), new FixedTime(now), NullLogger<RawAudioRetentionSweep>.Instance);

        Assert.True(await sweep.RunOnceAsync(CancellationToken.None) >= 1);
        Assert.Equal(0, await CountSweptAsync(sweep, stores, study)); // a second run finds nothing more of this study

        var raw = stores.Accounts.Identifiable.Blobs.GetBlobContainerClient(Workflow.Storage.Configuration.StorageNames.RawUploads);
        Assert.False(await raw.GetBlobClient(RawUploadRepository.NameOf(study, old.Id, ".wav")).ExistsAsync());
        Assert.True(await raw.GetBlobClient(RawUploadRepository.NameOf(study, recent.Id, ".wav")).ExistsAsync());
        Assert.True(await raw.GetBlobClient(RawUploadRepository.NameOf(study, waiting.Id, ".wav")).ExistsAsync());
        Assert.Null(await copies.OpenReadAsync(study, old.Id, CancellationToken.None));
        var kept = await copies.OpenReadAsync(study, recent.Id, CancellationToken.None);
        Assert.Equal("audio/ogg", kept!.Value.ContentType);
        await kept.Value.Content.DisposeAsync();
        Assert.Equal(now, (await stores.Recordings.GetAsync(old.Id, CancellationToken.None))!.RawAudioDeletedAt);
        Assert.Null((await stores.Recordings.GetAsync(recent.Id, CancellationToken.None))!.RawAudioDeletedAt);

        var events = await stores.Services.GetRequiredService<IAuditTrail>().ReadAsync(study, 1, 100, CancellationToken.None);
        var deleted = Assert.Single(events, e => e.Action == AuditAction.RawAudioDeleted);
        Assert.Equal(old.Id, deleted.TargetId);
        Assert.Equal(RawAudioRetentionSweep.Actor, deleted.Actor);
        Assert.Equal("2", deleted.Details["blobs"]); // the raw upload and the toned copy
        File.Delete(copyFile);
    }

    private static async Task<int> CountSweptAsync(RawAudioRetentionSweep sweep, TestStores stores, string study)
    {
        await sweep.RunOnceAsync(CancellationToken.None);
        var events = await stores.Services.GetRequiredService<IAuditTrail>().ReadAsync(study, 1, 100, CancellationToken.None);
        return events.Count(e => e.Action == AuditAction.RawAudioDeleted) - 1;
    }
}
