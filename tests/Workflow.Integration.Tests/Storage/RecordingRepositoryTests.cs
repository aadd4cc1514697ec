using System.Globalization;
using Workflow.Domain.Recordings;
using Workflow.Integration.Tests.Infrastructure;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>Recording status rows: created once, updated by concurrent activities without lost updates, listed per study.</summary>
public class RecordingRepositoryTests
{
    [Fact]
    public async Task TryCreateAsync_SameRecordingTwice_SecondReturnsFalseAndKeepsTheFirst()
    {
        var recordings = (await Azurite.StoresAsync()).Recordings;
        var recording = Recording(Azurite.UniqueStudyId("rr-dup"), T0);

        Assert.True(await recordings.TryCreateAsync(recording, CancellationToken.None));
        Assert.False(await recordings.TryCreateAsync(recording with { FileName = "again.wav" }, CancellationToken.None));

        Assert.Equal("interview.wav", (await recordings.GetAsync(recording.Id, CancellationToken.None))?.FileName);
    }

    [Fact]
    public async Task UpdateAsync_ConcurrentChangesToDifferentFields_AreAllApplied()
    {
        var recordings = (await Azurite.StoresAsync()).Recordings;
        var recording = Recording(Azurite.UniqueStudyId("rr-fields"), T0);
        Assert.True(await recordings.TryCreateAsync(recording, CancellationToken.None));
        var changes = new Func<Recording, Recording>[]
        {
            r => r with { Stage = PipelineStage.AwaitingVerification },
            r => r with { Status = RecordingStatus.WaitingForVerification },
            r => r with { Progress = new StageProgress(3, 7) },
            r => r with { DurationSeconds = 1234.5 },
            r => r with { VerificationInstanceId = "wait-1" },
            r => r with { Error = "note" },
        };

        await Task.WhenAll(changes.Select(change => Task.Run(() => recordings.UpdateAsync(recording.Id, change, CancellationToken.None))));

        var stored = await recordings.GetAsync(recording.Id, CancellationToken.None);
        Assert.Equal(PipelineStage.AwaitingVerification, stored?.Stage);
        Assert.Equal(RecordingStatus.WaitingForVerification, stored?.Status);
        Assert.Equal(new StageProgress(3, 7), stored?.Progress);
        Assert.Equal(1234.5, stored?.DurationSeconds);
        Assert.Equal("wait-1", stored?.VerificationInstanceId);
        Assert.Equal("note", stored?.Error);
        Assert.True(stored?.UpdatedAt > recording.UpdatedAt);
    }

    [Fact]
    public async Task UpdateAsync_EightConcurrentReadModifyWrites_LoseNoIncrement()
    {
        var recordings = (await Azurite.StoresAsync()).Recordings;
        var recording = Recording(Azurite.UniqueStudyId("rr-count"), T0);
        Assert.True(await recordings.TryCreateAsync(recording, CancellationToken.None));

        // Each writer changes the row once, so one can lose at most 7 races: within the 10 attempts allowed.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => recordings.UpdateAsync(recording.Id,
            r => r with { Error = (int.Parse(r.Error ?? "0", CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture) },
            CancellationToken.None))));

        Assert.Equal("8", (await recordings.GetAsync(recording.Id, CancellationToken.None))?.Error);
    }

    [Fact]
    public async Task UpdateAsync_UnknownRecording_ReturnsNullAndCreatesNothing()
    {
        var recordings = (await Azurite.StoresAsync()).Recordings;
        var id = NewRecordingId();

        Assert.Null(await recordings.UpdateAsync(id, r => r with { Error = "x" }, CancellationToken.None));
        Assert.Null(await recordings.GetAsync(id, CancellationToken.None));
    }

    [Fact]
    public async Task ListByStudyAsync_ReturnsOnlyThatStudysRecordingsOldestFirst()
    {
        var recordings = (await Azurite.StoresAsync()).Recordings;
        var study = Azurite.UniqueStudyId("rr-list");
        var neighbour = Azurite.UniqueStudyId("rr-list");
        // Created out of time order, so the order cannot come from insertion or from the row keys alone.
        var middle = Recording(study, T0.AddHours(1));
        var newest = Recording(study, T0.AddHours(2));
        var oldest = Recording(study, T0);
        var theirs = Recording(neighbour, T0.AddMinutes(30));
        foreach (var r in new[] { middle, newest, theirs, oldest })
            Assert.True(await recordings.TryCreateAsync(r, CancellationToken.None));

        var listed = await recordings.ListByStudyAsync(study, CancellationToken.None);

        Assert.Equal([oldest.Id, middle.Id, newest.Id], listed.Select(r => r.Id));
        Assert.All(listed, r => Assert.Equal(study, r.StudyId));
        Assert.Equal([theirs.Id], (await recordings.ListByStudyAsync(neighbour, CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(await recordings.ListByStudyAsync(Azurite.UniqueStudyId("rr-list"), CancellationToken.None));
    }

    [Fact]
    public async Task GetAndUpdate_WithoutTheStudy_WorkFromAFreshProcess()
    {
        var study = Azurite.UniqueStudyId("rr-lookup");
        var recording = Recording(study, T0);
        Assert.True(await (await Azurite.StoresAsync()).Recordings.TryCreateAsync(recording, CancellationToken.None));

        // Another process: nothing cached, only the recording id known.
        var fresh = (await Azurite.StoresAsync()).Recordings;
        Assert.Equal(study, (await fresh.GetAsync(recording.Id, CancellationToken.None))?.StudyId);
        Assert.Equal(PipelineStage.Coding, (await fresh.UpdateAsync(recording.Id, r => r with { Stage = PipelineStage.Coding }, CancellationToken.None))?.Stage);
        Assert.Equal([recording.Id], (await fresh.ListByStudyAsync(study, CancellationToken.None)).Select(r => r.Id));
    }

    [Theory]
    [InlineData("rec/x")]
    [InlineData("rec#x")]
    [InlineData("rec?x")]
    [InlineData("rec\\x")]
    [InlineData("")]
    public async Task GetAsync_IdsATableKeyCannotHold_ReadAsUnknown(string recordingId)
    {
        var recordings = (await Azurite.StoresAsync()).Recordings;

        Assert.Null(await recordings.GetAsync(recordingId, CancellationToken.None));
        Assert.Null(await recordings.UpdateAsync(recordingId, r => r, CancellationToken.None));
    }
}
