using System.Net;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Api.Uploads;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage.Configuration;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// Files dropped into the uploads container (the Functions blob trigger's job, the runner's poller
/// here) go through the same checks and pipeline as HTTP uploads.
/// </summary>
[Collection(DropZoneCollection.Name)]
public class DroppedUploadTests(DropZoneRunnerFixture fixture)
{
    private readonly BlobContainerClient _uploads = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(StorageNames.IncomingUploads);

    [Fact]
    public async Task DroppedTranscriptWithMetadata_IsAcceptedAndLeavesTheDropZone()
    {
        var study = Azurite.UniqueStudyId("drop");
        await fixture.Api.SetUpStudyAsync(study);
        var blob = _uploads.GetBlobClient($"{study}/field-interview.txt");
        await blob.UploadAsync(File.OpenRead(RepositoryPaths.Sample("transcripts/interview-service-user.txt")), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string>
            {
                ["siteid"] = "site-a", ["format"] = "interview", ["participants"] = "P009:ServiceUser", ["interviewer"] = "SP",
                ["consentrecording"] = "true", ["consenttranscription"] = "true",
            },
        });

        var recordingId = await EventuallyAsync(async () =>
        {
            var list = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/recordings"), HttpStatusCode.OK);
            return list.GetArrayLength() == 1 ? list[0].GetProperty("id").GetString() : null;
        });
        var (waiting, _) = await fixture.Api.WaitForStatusAsync(recordingId, TimeSpan.FromMinutes(2), "WaitingForVerification", "Failed");
        Assert.Equal("WaitingForVerification", waiting.GetProperty("status").GetString());
        Assert.False(await blob.ExistsAsync());
    }

    [Fact]
    public async Task DroppedFileWithoutMetadata_StaysWithTheReasonAndStartsNothing()
    {
        var study = Azurite.UniqueStudyId("dropbad");
        await fixture.Api.SetUpStudyAsync(study);
        var blob = _uploads.GetBlobClient($"{study}/no-metadata.txt");
        await blob.UploadAsync(BinaryData.FromString("Interviewer: hello\n\nParticipant: hello there, this is a test of the drop zone.\n"));

        var reason = await EventuallyAsync(async () =>
            (await blob.GetPropertiesAsync()).Value.Metadata.TryGetValue(DroppedUploadIntake.ErrorMetadata, out var r) ? r : null);

        Assert.Contains("siteId is required", reason);
        var list = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/recordings"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    private static async Task<string> EventuallyAsync(Func<Task<string?>> probe)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (await probe() is { } value) return value;
            await Task.Delay(250);
        }
        throw new TimeoutException("The dropped upload was not picked up within 60 s.");
    }
}
