using System.Net;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage.Configuration;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// Direct uploads on the real runner and Azurite: a grant checks the metadata, its SAS URL writes
/// one drop-zone blob and nothing else, and the poller takes the file in exactly like an HTTP upload,
/// once.
/// </summary>
[Collection(DropZoneCollection.Name)]
public class UploadGrantTests(DropZoneRunnerFixture fixture)
{
    private static readonly string TranscriptPath = RepositoryPaths.Sample("transcripts/interview-service-user.txt");
    private readonly BlobContainerClient _dropZone = new BlobServiceClient(Azurite.ConnectionString).GetBlobContainerClient(StorageNames.IncomingUploads);

    [Fact]
    public async Task AFileWrittenInBlocks_IsTakenInLikeAnHttpUpload_AndOnlyOnce()
    {
        var study = Azurite.UniqueStudyId("sas");
        await fixture.Api.SetUpStudyAsync(study);
        var bytes = await File.ReadAllBytesAsync(TranscriptPath);
        var grant = await GrantAsync(study, "darren-interview.txt", bytes.Length);
        Assert.DoesNotContain("darren", grant.GetProperty("uploadUrl").GetString()!, StringComparison.OrdinalIgnoreCase);

        // Small blocks, so the file arrives as Put Block + Put Block List, as large files do.
        await WriteAsync(grant, bytes, blockBytes: 1024);
        var accepted = await WaitForGrantAsync(grant, "Accepted");
        var recordingId = accepted.GetProperty("recordingId").GetString()!;
        JsonElement recording;
        try { (recording, _) = await fixture.Api.WaitForStatusAsync(recordingId, TimeSpan.FromMinutes(2), "WaitingForVerification", "Failed"); }
        catch (TimeoutException e) { throw new TimeoutException(e.Message + "\nRunner log:\n" + fixture.Runner.Log); }
        Assert.Equal("WaitingForVerification", recording.GetProperty("status").GetString());
        Assert.Equal("source.txt", recording.GetProperty("fileName").GetString());

        // The same bytes over HTTP are the same recording: the two ways are one intake.
        var http = await ApiClient.EnsureAsync(await fixture.Api.UploadAsync(study, "again.txt", bytes, ApiClient.InterviewFields("P009:ServiceUser")), HttpStatusCode.OK);
        Assert.Equal(recordingId, http.GetProperty("recordingId").GetString());
        Assert.True(http.GetProperty("duplicate").GetBoolean());

        // Writing again with the URL after it was taken in makes no second recording and no second event.
        await WriteAsync(grant, Encoding.UTF8.GetBytes("Interviewer: hello\n\nParticipant: a different file written with a used grant.\n"));
        await EventuallyAsync(async () => await _dropZone.GetBlobClient(BlobName(grant)).ExistsAsync() ? null : "gone");
        var list = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/recordings"), HttpStatusCode.OK);
        Assert.Equal(1, list.GetArrayLength());
        Assert.Equal("Accepted", (await GrantStatusAsync(grant)).GetProperty("state").GetString());

        var audit = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/audit?max=100"), HttpStatusCode.OK);
        var events = audit.GetProperty("events").EnumerateArray().ToList();
        Assert.Single(events, e => e.GetProperty("action").GetString() == "UploadGranted");
        var viaSas = events.Where(e => e.GetProperty("action").GetString() == "UploadAccepted" && e.GetRawText().Contains("\"sas\"")).ToList();
        Assert.Single(viaSas);
        Assert.DoesNotContain("darren", audit.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheUrl_CanWriteItsOwnBlobOnly_NeitherReadNorListNorWriteAnother()
    {
        var study = Azurite.UniqueStudyId("sasperm");
        await fixture.Api.SetUpStudyAsync(study);
        var grant = await GrantAsync(study, "interview.txt", 100);
        var url = new Uri(grant.GetProperty("uploadUrl").GetString()!);

        var read = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(url).DownloadContentAsync());
        Assert.Equal(403, read.Status);
        var other = new BlobUriBuilder(url) { BlobName = $"{study}/someone-else.txt" }.ToUri();
        var write = await Assert.ThrowsAsync<RequestFailedException>(() => new BlobClient(other).UploadAsync(BinaryData.FromString("x")));
        Assert.Equal(403, write.Status);
        var container = new BlobUriBuilder(url) { BlobName = "" }.ToUri();
        var list = await Assert.ThrowsAsync<RequestFailedException>(async () =>
        {
            await foreach (var _ in new BlobContainerClient(container).GetBlobsAsync()) { }
        });
        Assert.Equal(403, list.Status);
    }

    [Fact]
    public async Task AFileOfTheWrongSize_IsRefusedWithTheReason_AndACorrectedOneIsAcceptedWithTheSameUrl()
    {
        var study = Azurite.UniqueStudyId("sassize");
        await fixture.Api.SetUpStudyAsync(study);
        var bytes = await File.ReadAllBytesAsync(TranscriptPath);
        var grant = await GrantAsync(study, "interview.txt", bytes.Length + 10);

        await WriteAsync(grant, bytes);
        var refused = await WaitForGrantAsync(grant, "Refused");
        Assert.Contains($"{bytes.Length + 10} bytes", refused.GetProperty("reason").GetString());
        var list = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/recordings"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());

        await WriteAsync(grant, [.. bytes, .. Encoding.ASCII.GetBytes("          ")]);
        var accepted = await WaitForGrantAsync(grant, "Accepted");
        Assert.StartsWith("rec-", accepted.GetProperty("recordingId").GetString());
    }

    [Fact]
    public async Task BadGrantRequests_AreRefusedWithProblemDetails_NamingWhatIsWrong()
    {
        var study = Azurite.UniqueStudyId("sasbad");
        await fixture.Api.SetUpStudyAsync(study);

        var missing = await ApiClient.ProblemAsync(await PostGrantAsync(study, new { fields = Fields() }), HttpStatusCode.BadRequest);
        Assert.Contains("fileName", missing.GetRawText());
        Assert.Contains("sizeBytes", missing.GetRawText());
        await ApiClient.ProblemAsync(await PostGrantAsync(study, new { fileName = "notes.exe", sizeBytes = 10, fields = Fields() }), HttpStatusCode.UnsupportedMediaType);
        await ApiClient.ProblemAsync(await PostGrantAsync(study, new { fileName = "long.wav", sizeBytes = 3_000_001, fields = Fields() }), HttpStatusCode.RequestEntityTooLarge);
        await ApiClient.ProblemAsync(await PostGrantAsync(study, new { fileName = "empty.wav", sizeBytes = 0, fields = Fields() }), HttpStatusCode.BadRequest);
        var noSite = await ApiClient.ProblemAsync(await PostGrantAsync(study, new { fileName = "a.wav", sizeBytes = 10, fields = new { format = "interview" } }), HttpStatusCode.BadRequest);
        Assert.Contains("siteId", noSite.GetRawText());
        await ApiClient.ProblemAsync(await PostGrantAsync("no-such-study", new { fileName = "a.wav", sizeBytes = 10, fields = Fields() }), HttpStatusCode.NotFound);
        await ApiClient.ProblemAsync(await fixture.Api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/upload-grants", "{not json"), HttpStatusCode.BadRequest);

        // Nothing was granted by any of them.
        var audit = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/audit?max=100"), HttpStatusCode.OK);
        Assert.DoesNotContain(audit.GetProperty("events").EnumerateArray(), e => e.GetProperty("action").GetString() == "UploadGranted");
    }

    [Fact]
    public async Task AnotherInterviewersGrant_ReadsAsUnknown_AndAFileNamedLikeAGrantWithoutOne_IsRemoved()
    {
        var study = Azurite.UniqueStudyId("sasown");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, "int-1", "Interviewer");
        await fixture.Api.AddMemberAsync(study, "int-2", "Interviewer");
        var grant = await ApiClient.EnsureAsync(await fixture.Api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/upload-grants",
            JsonSerializer.Serialize(new { fileName = "a.txt", sizeBytes = 10, fields = Fields() }), "int-1", "Interviewer"), HttpStatusCode.Created);
        var path = grant.GetProperty("statusUrl").GetString()!["/api/".Length..];
        await ApiClient.EnsureAsync(await fixture.Api.SendJsonAsync(HttpMethod.Get, path, "", "int-1", "Interviewer"), HttpStatusCode.OK);
        await ApiClient.ProblemAsync(await fixture.Api.SendJsonAsync(HttpMethod.Get, path, "", "int-2", "Interviewer"), HttpStatusCode.NotFound);

        var forged = _dropZone.GetBlobClient($"{study}/sas-{new string('a', 32)}.txt");
        await forged.UploadAsync(BinaryData.FromString("Interviewer: hello\n\nParticipant: written without a grant.\n"), new BlobUploadOptions
        {
            Metadata = new Dictionary<string, string> { ["siteid"] = "site-a", ["format"] = "interview", ["participants"] = "P001:ServiceUser", ["interviewer"] = "SP", ["consentrecording"] = "true", ["consenttranscription"] = "true" },
        });
        await EventuallyAsync(async () => await forged.ExistsAsync() ? null : "gone");
        var list = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/recordings"), HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task TheCommandLine_UploadsDirect_AndPrintsTheRecording()
    {
        var study = Azurite.UniqueStudyId("sascli");
        await fixture.Api.SetUpStudyAsync(study);
        var folder = Directory.CreateTempSubdirectory("sas-cli-").FullName;
        try
        {
            File.Copy(TranscriptPath, Path.Combine(folder, "field-interview.txt"));
            await File.WriteAllTextAsync(Path.Combine(folder, "metadata.csv"),
                "file,siteId,format,participants,interviewer,consentRecording,consentTranscription\nfield-interview.txt,site-a,interview,P009:ServiceUser,SP,true,true\n");
            var run = await CliProcess.RunAsync(TimeSpan.FromMinutes(3),
                ["upload", folder, "--study", study, "--via", "direct", "--api", fixture.Runner.BaseAddress.ToString()]);
            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Contains("1 uploaded, 0 duplicate(s), 0 refused.", run.Out);
            var list = await ApiClient.EnsureAsync(await fixture.Api.GetAsync($"studies/{study}/recordings"), HttpStatusCode.OK);
            Assert.Contains(list[0].GetProperty("id").GetString()!, run.Out);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static object Fields() => new
    {
        siteId = "site-a", format = "interview", participants = "P009:ServiceUser", interviewer = "SP",
        consentRecording = true, consentTranscription = true,
    };

    private Task<HttpResponseMessage> PostGrantAsync(string study, object body) =>
        fixture.Api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/upload-grants", JsonSerializer.Serialize(body));

    private async Task<JsonElement> GrantAsync(string study, string fileName, long size)
    {
        var grant = await ApiClient.EnsureAsync(await PostGrantAsync(study, new { fileName, contentType = "text/plain", sizeBytes = size, fields = Fields() }), HttpStatusCode.Created);
        Assert.Equal("Waiting", (await GrantStatusAsync(grant)).GetProperty("state").GetString());
        return grant;
    }

    private static async Task WriteAsync(JsonElement grant, byte[] bytes, int? blockBytes = null)
    {
        var blob = new BlobClient(new Uri(grant.GetProperty("uploadUrl").GetString()!));
        await blob.UploadAsync(new BinaryData(bytes), new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain" },
            TransferOptions = blockBytes is { } size ? new StorageTransferOptions { InitialTransferSize = size, MaximumTransferSize = size } : default,
        });
    }

    private async Task<JsonElement> GrantStatusAsync(JsonElement grant) =>
        await ApiClient.EnsureAsync(await fixture.Api.GetAsync(grant.GetProperty("statusUrl").GetString()!["/api/".Length..]), HttpStatusCode.OK);

    private async Task<JsonElement> WaitForGrantAsync(JsonElement grant, string state)
    {
        JsonElement status = default;
        await EventuallyAsync(async () =>
        {
            status = await GrantStatusAsync(grant);
            return status.GetProperty("state").GetString() == state ? "done" : null;
        });
        return status;
    }

    private static string BlobName(JsonElement grant) =>
        new BlobUriBuilder(new Uri(grant.GetProperty("uploadUrl").GetString()!)).BlobName;

    private static async Task EventuallyAsync(Func<Task<string?>> probe)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (await probe() is not null) return;
            await Task.Delay(250);
        }
        throw new TimeoutException("The drop zone did not take the file in within 60 s.");
    }
}
