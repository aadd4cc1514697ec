using System.Net;
using System.Text.Json;
using Workflow.Engines.Azure.Tests.Speech;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// An audio upload of a study that chose Azure AI Speech, through the local runner on Azurite, with
/// the fake Speech endpoint standing in for the service: the fake fetches the audio from the SAS URL
/// the runner gave it (from Azurite), and the durable monitor waits, stores the diarized result and
/// deletes the job. Only the service itself is fake.
/// </summary>
public class CloudTranscriptionEndToEndTests
{
    [Fact]
    public async Task AStudyThatChoseAzureSpeech_GetsADiarizedTranscript_FromAudioReadByUrl_AndTheJobIsDeleted()
    {
        await using var speech = await FakeSpeechService.StartAsync();
        speech.ResultJson = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Speech", "Recorded", "focus-group-three-speakers.json"));
        speech.FetchAudio = true;
        await using var runner = new LocalRunnerProcess(new Dictionary<string, string>
        {
            ["Engines__AzureSpeech__Endpoint"] = speech.Endpoint.ToString(),
            ["Engines__AzureSpeech__ApiKey"] = "fake-key",
            ["Engines__AzureSpeech__FirstCheck"] = "00:00:00.500",
            ["Engines__AzureSpeech__LongestCheckInterval"] = "00:00:01",
        });
        await runner.StartAsync();
        using var api = new ApiClient(runner.BaseAddress);
        var study = Azurite.UniqueStudyId("speech");
        await api.SetUpStudyAsync(study);
        await ApiClient.EnsureAsync(await api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/engines",
            """{ "allowCloudEngines": true, "transcription": "azure-speech" }"""), HttpStatusCode.OK);
        var audioPath = await SampleAudio.MakeAsync(runner.WorkDirectory + "-audio", RepositoryPaths.Sample("audio-script.txt"));

        var fields = ApiClient.InterviewFields("P001:ServiceUser, P002:ServiceUser");
        fields["format"] = "focus-group";
        var body = await ApiClient.EnsureAsync(await api.UploadAsync(study, "group.wav", await File.ReadAllBytesAsync(audioPath), fields), HttpStatusCode.Accepted);
        var recordingId = body.GetProperty("recordingId").GetString()!;
        var (recording, stages) = await api.WaitForStatusAsync(recordingId, TimeSpan.FromMinutes(3), "WaitingForVerification", "Failed", "Completed");

        // Completed here would mean nothing was queued for coders (seen once in CI): the message then shows the runner's log and the service's requests.
        Assert.True(recording.GetProperty("status").GetString() == "WaitingForVerification",
            $"{recording}\n{string.Join("\n", speech.Requests.Select(r => $"{r.Method} {r.PathAndQuery}"))}\n{runner.Log}");
        Assert.Contains("Transcribing", stages);
        var submit = Assert.Single(speech.Requests, r => r.Method == "POST");
        Assert.Equal(3, submit.Body!["properties"]!["diarization"]!["maxSpeakers"]!.GetValue<int>());
        Assert.Equal("en-GB", submit.Body["locale"]!.GetValue<string>());
        Assert.Equal(200, speech.AudioFetchStatus);
        Assert.Equal(new FileInfo(audioPath).Length, speech.AudioBytes);
        Assert.Equal(1, speech.JobCount);
        // The service was given a read-only SAS URL of the raw upload, and nothing else of it.
        Assert.Contains("sp=r&", submit.Body["contentUrls"]![0]!.GetValue<string>());
        Assert.Single(speech.Requests, r => r.Method == "DELETE");
        Assert.Contains(speech.Requests, r => r.Method == "GET" && r.PathAndQuery.StartsWith("/results/", StringComparison.Ordinal));

        var draft = await ApiClient.EnsureAsync(await api.GetAsync($"recordings/{recordingId}/transcript"), HttpStatusCode.OK);
        var text = draft.GetRawText();
        Assert.Contains("Speaker 1", text);
        Assert.Contains("Speaker 3", text);
        Assert.DoesNotContain("sig=", runner.Log);
    }
}
