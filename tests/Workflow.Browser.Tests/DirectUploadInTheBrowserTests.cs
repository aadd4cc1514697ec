using System.Net;
using System.Text;
using Microsoft.Playwright;
using Workflow.Integration.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace Workflow.Browser.Tests;

/// <summary>
/// A file over the upload page's 32 MB threshold goes straight to storage: the page asks for a grant,
/// writes the file to Azurite in blocks across origins (storage's CORS rule, the page's CSP), and
/// shows the recording the drop zone made of it, exactly as for a file posted to the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public class DirectUploadInTheBrowserTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ALargeFile_GoesStraightToStorage_AndBecomesARecording()
    {
        var study = Azurite.UniqueStudyId("uidirect");
        await fixture.Api.SetUpStudyAsync(study);
        var folder = Directory.CreateTempSubdirectory("workflow-ui-direct-").FullName;
        var path = Path.Combine(folder, "long-focus-group.txt");
        // 33 MB of turns: over the threshold (5 blocks of at most 8 MB).
        var turn = Encoding.UTF8.GetBytes("Interviewer: And then?\n\nParticipant: Then we waited for the keyworker again.\n\n");
        await using (var file = File.Create(path))
            for (long written = 0; written < 33L * 1024 * 1024; written += turn.Length) await file.WriteAsync(turn);
        var size = new FileInfo(path).Length;

        await using var context = await fixture.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new PageErrors(page);
        var refused = new List<string>();
        page.Response += (_, r) => { if (r.Status >= 400) lock (refused) refused.Add($"{r.Status} {r.Request.Method} {r.Url.Split('?')[0]}"); };
        var storageWrites = 0;
        page.Request += (_, r) => { if (r.Method == "PUT" && r.Url.Contains("/uploads/", StringComparison.Ordinal)) Interlocked.Increment(ref storageWrites); };

        var response = await page.GotoAsync(fixture.AppUrl($"upload.html?study={study}"));
        Assert.Equal((int)HttpStatusCode.OK, response!.Status);
        var form = page.Locator("#upload-form");
        await form.GetByLabel("Site id").FillAsync("site-a");
        await form.GetByLabel("Participant 1 code").FillAsync("P001");
        await form.GetByLabel("Interviewer", new() { Exact = true }).FillAsync("SP");
        await form.Locator("#consentRecording").CheckAsync();
        await form.Locator("#consentTranscription").CheckAsync();
        await form.GetByLabel("Recordings or transcripts").SetInputFilesAsync(path);
        await form.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();

        var upload = page.Locator("#uploads li[data-recording]");
        await Expect(upload).ToHaveCountAsync(1, new() { Timeout = 120_000 });
        await Expect(page.Locator("#status")).ToContainTextAsync("1 of 1 uploaded");
        var recordingId = await upload.GetAttributeAsync("data-recording");
        errors.AssertNone();
        Assert.Empty(refused);
        Assert.Equal(6, storageWrites); // five blocks and the block list: nothing went through the host

        var recording = await fixture.Api.RecordingAsync(recordingId!);
        Assert.Equal(study, recording.GetProperty("studyId").GetString());
        Assert.Equal(size, recording.GetProperty("sizeBytes").GetInt64());
        Directory.Delete(folder, recursive: true);
    }
}
