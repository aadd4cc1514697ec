using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>Raw uploads are written once and read back byte for byte.</summary>
public class RawUploadRepositoryTests
{
    [Fact]
    public async Task SaveAsync_SameNameTwice_KeepsTheFirstBytesWithoutThrowing()
    {
        var uploads = (await Azurite.StoresAsync()).RawUploads;
        var name = RawUploadRepository.NameOf(Azurite.UniqueStudyId("ru-dup"), NewRecordingId(), ".wav");
        var first = RandomBytes(4096, seed: 1);
        var second = RandomBytes(8192, seed: 2);

        await uploads.SaveAsync(name, new MemoryStream(first), "audio/wav", "Dárren Pickering interview.wav", CancellationToken.None);
        await uploads.SaveAsync(name, new MemoryStream(second), "audio/x-wav", "other.wav", CancellationToken.None);

        await using var read = await uploads.OpenReadAsync(name, CancellationToken.None);
        using var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(first, copy.ToArray());
        // The original name (which may name someone) is kept, escaped, with the identifiable bytes only.
        var blob = new Azure.Storage.Blobs.BlobServiceClient(Azurite.ConnectionString)
            .GetBlobContainerClient(Workflow.Storage.Configuration.StorageNames.RawUploads).GetBlobClient(name);
        var metadata = (await blob.GetPropertiesAsync()).Value.Metadata;
        Assert.Equal("Dárren Pickering interview.wav", Uri.UnescapeDataString(metadata[RawUploadRepository.OriginalNameMetadata]));
    }

    [Fact]
    public async Task DownloadToAsync_AfterSaveAsync_RoundTripsTheBytes()
    {
        var uploads = (await Azurite.StoresAsync()).RawUploads;
        var name = RawUploadRepository.NameOf(Azurite.UniqueStudyId("ru-trip"), NewRecordingId(), ".MP3");
        var bytes = RandomBytes(3 * 1024 * 1024 + 17, seed: 3);
        var path = Path.Combine(Path.GetTempPath(), $"raw-upload-{Guid.NewGuid():N}.mp3");
        try
        {
            await uploads.SaveAsync(name, new MemoryStream(bytes), "audio/mpeg", "interview.MP3", CancellationToken.None);

            await uploads.DownloadToAsync(name, path, CancellationToken.None);

            Assert.EndsWith("/source.mp3", name);
            Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
