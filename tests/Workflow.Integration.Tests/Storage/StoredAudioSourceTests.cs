using Workflow.Composition;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Orchestrations.Activities;
using Workflow.Storage;

namespace Workflow.Integration.Tests.Storage;

/// <summary>The audio source port on the real blob store: a local copy that goes away, and a read-only URL that expires.</summary>
public sealed class StoredAudioSourceTests : IDisposable
{
    private readonly string _work = Path.Combine(Path.GetTempPath(), "audio-source-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    private static async Task<(TestStores Stores, string Blob, byte[] Bytes)> StoredAsync()
    {
        var stores = await Azurite.StoresAsync();
        var bytes = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();
        var blob = RawUploadRepository.NameOf(Azurite.UniqueStudyId("audio"), "rec-audio", ".wav");
        await stores.RawUploads.SaveAsync(blob, new MemoryStream(bytes), "audio/wav", "someone-interview.wav", CancellationToken.None);
        return (stores, blob, bytes);
    }

    [Fact]
    public async Task LocalCopy_HoldsTheUpload_InTheWorkArea_AndIsDeletedWhenDisposed()
    {
        var (stores, blob, bytes) = await StoredAsync();
        var source = new StoredAudioSource(stores.RawUploads, new WorkArea(_work), TimeProvider.System, "rec-audio", blob);

        string path;
        await using (var copy = await source.GetLocalCopyAsync(CancellationToken.None))
        {
            path = copy.Path;
            Assert.StartsWith(_work, path);
            Assert.Equal(".wav", Path.GetExtension(path));
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        }
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.GetFileSystemEntries(_work));
    }

    [Fact]
    public async Task ReadUrl_ReadsTheUpload_WithoutALocalCopy_AndRefusesWrites()
    {
        var (stores, blob, bytes) = await StoredAsync();
        var source = new StoredAudioSource(stores.RawUploads, new WorkArea(_work), TimeProvider.System, "rec-audio", blob);

        var url = await source.GetReadUrlAsync(TimeSpan.FromMinutes(5), CancellationToken.None);

        using var http = new HttpClient();
        Assert.Equal(bytes, await http.GetByteArrayAsync(url));
        Assert.Contains("sp=r", url.Query);
        var write = await http.PutAsync(url, new ByteArrayContent([1, 2, 3]) { Headers = { { "x-ms-blob-type", "BlockBlob" } } });
        Assert.False(write.IsSuccessStatusCode);
        Assert.False(Directory.Exists(_work));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => source.GetReadUrlAsync(TimeSpan.FromDays(3), CancellationToken.None));
    }
}
