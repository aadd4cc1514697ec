using System.Net;
using System.Text;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// A study that chose the learning coder, on the local runner with the real model: the first
/// transcript is coded by the fallback (nothing learnt yet); once coders have decided it, the next
/// transcript's proposals come partly from classifiers trained on those decisions, and the chain of
/// custody says so. The thresholds are lowered (two examples each way) so one transcript teaches.
/// </summary>
public class LearningCoderEndToEndTests
{
    private static readonly TimeSpan Pipeline = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task TheSecondTranscript_IsCodedByWhatCodersDecidedOnTheFirst()
    {
        await using var runner = new LocalRunnerProcess(new Dictionary<string, string>
        {
            ["Engines__Learned__MinPositives"] = "2",
            ["Engines__Learned__MinNegatives"] = "2",
            ["Engines__Learned__RefreshAfter"] = "00:00:00",
        });
        await runner.StartAsync();
        using var api = new ApiClient(runner.BaseAddress);
        var study = Azurite.UniqueStudyId("learn-e2e");
        await api.SetUpStudyAsync(study);
        var engines = await ApiClient.EnsureAsync(await api.GetAsync("engines"), HttpStatusCode.OK);
        Assert.Contains("\"learned\"", engines.GetRawText());
        await ApiClient.EnsureAsync(await api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/engines", """{ "coding": "learned" }"""), HttpStatusCode.OK);

        var sample = RepositoryPaths.Sample("transcripts/interview-service-user.txt");
        var first = await api.UploadOkAsync(study, sample);
        await api.WaitForStatusAsync(first, Pipeline, "WaitingForVerification");
        var firstMethods = await MethodsAsync(api, first);
        Assert.DoesNotContain(firstMethods, m => m.StartsWith("learned/", StringComparison.Ordinal));
        var (_, codes) = await api.DecideEverythingAsync(study);
        Assert.True(codes >= 4, $"{codes} code decisions");
        await api.WaitForStatusAsync(first, Pipeline, "Completed");

        // The same interview again, with a new opening line (so it is not a duplicate upload).
        var again = "Interviewer: Thanks for coming back to talk to us.\n\n" + await File.ReadAllTextAsync(sample);
        var response = await api.UploadAsync(study, "interview-again.txt", Encoding.UTF8.GetBytes(again), ApiClient.InterviewFields("P002:ServiceUser"));
        var second = (await ApiClient.EnsureAsync(response, HttpStatusCode.Accepted)).GetProperty("recordingId").GetString()!;
        await api.WaitForStatusAsync(second, Pipeline, "WaitingForVerification");

        var methods = await MethodsAsync(api, second);
        Assert.Contains(methods, m => m.StartsWith("learned/1+all-MiniLM-L6-v2+n", StringComparison.Ordinal));
    }

    private static async Task<List<string>> MethodsAsync(ApiClient api, string recording)
    {
        var custody = await ApiClient.EnsureAsync(await api.GetAsync($"recordings/{recording}/custody"), HttpStatusCode.OK);
        var coding = custody.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "Coding");
        Assert.Equal("learned", coding.GetProperty("engine").GetString());
        return coding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToList();
    }
}
