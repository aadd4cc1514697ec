using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Ports;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// A study that chose the learning coder, on the local runner with the real model: the first
/// transcript is coded by the fallback (nothing learnt yet); once coders have decided it, the next
/// transcript's proposals come partly from classifiers trained on those decisions, and the chain of
/// custody says so. The thresholds are lowered (two examples each way) so one transcript teaches.
/// Background retraining runs every two seconds here, so the decisions reach the learning curve
/// without a coding step or the lead's route asking; the route then shows the figures to a lead only.
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
            ["Engines__Learned__BackgroundInterval"] = "00:00:02",
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

        var trainedInBackground = await WaitForCurvePointAsync(study, TimeSpan.FromMinutes(2));
        var learning = await ApiClient.EnsureAsync(await api.GetAsync($"studies/{study}/learning"), HttpStatusCode.OK);
        AssertLearnt(learning, trainedInBackground);
        await AssertLeadOnlyAsync(api, study);

        // The same interview again, with a new opening line (so it is not a duplicate upload).
        var again = "Interviewer: Thanks for coming back to talk to us.\n\n" + await File.ReadAllTextAsync(sample);
        var response = await api.UploadAsync(study, "interview-again.txt", Encoding.UTF8.GetBytes(again), ApiClient.InterviewFields("P002:ServiceUser"));
        var second = (await ApiClient.EnsureAsync(response, HttpStatusCode.Accepted)).GetProperty("recordingId").GetString()!;
        await api.WaitForStatusAsync(second, Pipeline, "WaitingForVerification");

        var methods = await MethodsAsync(api, second);
        Assert.Contains(methods, m => m.StartsWith("learned/1+all-MiniLM-L6-v2+n", StringComparison.Ordinal));
    }

    /// <summary>
    /// Polls the de-identified curve table (not the route, which would train on demand) until its newest
    /// point has examples and stays the newest for a few background passes (a pass may have caught the
    /// decisions half made).
    /// </summary>
    private static async Task<int> WaitForCurvePointAsync(string study, TimeSpan timeout)
    {
        var curve = (await Azurite.StoresAsync()).Services.GetRequiredService<ILearningCurve>();
        var until = DateTime.UtcNow + timeout;
        (int Count, DateTime Since) seen = (-1, DateTime.UtcNow);
        while (DateTime.UtcNow < until)
        {
            var points = await curve.ListAsync(study, default);
            if (points.Count != seen.Count) seen = (points.Count, DateTime.UtcNow);
            else if (points[^1].Examples > 0 && DateTime.UtcNow - seen.Since > TimeSpan.FromSeconds(6)) return points[^1].Examples;
            await Task.Delay(500);
        }
        throw new TimeoutException($"No learning-curve point with examples for {study} within {timeout}");
    }

    private static void AssertLearnt(JsonElement learning, int examples)
    {
        Assert.True(learning.GetProperty("studyUsesLearner").GetBoolean());
        var current = learning.GetProperty("current");
        Assert.Equal(examples, current.GetProperty("examples").GetInt32());
        Assert.True(current.GetProperty("codesSwitchedOn").GetInt32() >= 1, learning.GetRawText());
        var codes = learning.GetProperty("codes").EnumerateArray().ToList();
        Assert.Equal(current.GetProperty("codes").GetInt32(), codes.Count);
        var on = codes.Where(c => c.GetProperty("switchedOn").GetBoolean()).ToList();
        Assert.Equal(current.GetProperty("codesSwitchedOn").GetInt32(), on.Count);
        Assert.All(on, c => Assert.InRange(c.GetProperty("threshold").GetDouble(), 0, 1));
        Assert.All(on, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("name").GetString())));
        Assert.Contains(codes, c => c.GetProperty("notLearnt").GetString() is "TooFewPositives" or "TooFewPositivesAndNegatives");
        // The first coding step trained on nothing (a point with 0 examples), the background on the decisions.
        var curve = learning.GetProperty("curve").EnumerateArray().Select(p => p.GetProperty("examples").GetInt32()).ToList();
        Assert.Equal(0, curve[0]);
        Assert.Equal(examples, curve[^1]);
    }

    private static async Task AssertLeadOnlyAsync(ApiClient api, string study)
    {
        await api.AddMemberAsync(study, "coder-learning", "Coder");
        using var asCoder = new HttpRequestMessage(HttpMethod.Get, $"studies/{study}/learning");
        asCoder.Headers.Add("X-Dev-User", "coder-learning");
        asCoder.Headers.Add("X-Dev-Roles", "Coder");
        await ApiClient.ProblemAsync(await api.SendAsync(asCoder), HttpStatusCode.Forbidden);
        await ApiClient.ProblemAsync(await api.GetAsync($"studies/{Azurite.UniqueStudyId("no-such")}/learning"), HttpStatusCode.NotFound);
    }

    private static async Task<List<string>> MethodsAsync(ApiClient api, string recording)
    {
        var custody = await ApiClient.EnsureAsync(await api.GetAsync($"recordings/{recording}/custody"), HttpStatusCode.OK);
        var coding = custody.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == "Coding");
        Assert.Equal("learned", coding.GetProperty("engine").GetString());
        return coding.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToList();
    }
}
