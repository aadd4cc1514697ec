using System.Net;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// Double coding on the running local host: with every segment drawn, two coders each judge one side
/// of every proposal and never both; where they disagree a reconciliation waits for the lead (coders
/// are never offered it); the lead's verdicts are what the final transcript applies; the agreement
/// route reports human-human figures from the coders' own decisions.
/// </summary>
public class DoubleCodingEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(2);
    private const string SecondSuffix = "-second";

    [Fact]
    public async Task TwoCodersCodeEverySegmentIndependently_TheLeadSettlesDisagreements_AndAgreementIsMeasured()
    {
        var study = Azurite.UniqueStudyId("double");
        await Api.SetUpStudyAsync(study);
        await Api.AddMemberAsync(study, "ann", "Coder");
        await Api.AddMemberAsync(study, "bob", "Coder");
        var lead = (await ApiClient.EnsureAsync(await Api.GetAsync("me"), HttpStatusCode.OK)).GetProperty("userId").GetString()!;

        var refused = await ApiClient.ProblemAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/verification", """{"doubleCodingShare":1.5}"""), HttpStatusCode.BadRequest);
        Assert.Contains("doubleCodingShare", refused.GetRawText(), StringComparison.Ordinal);
        var set = await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/verification", """{"doubleCodingShare":1}"""), HttpStatusCode.OK);
        Assert.Equal(1, set.GetProperty("verification").GetProperty("doubleCodingShare").GetDouble());

        var recording = await Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await Api.WaitForStatusAsync(recording, StageTimeout, "WaitingForVerification", "Failed");

        // Ann accepts everything she is given; Bob rejects every other proposal he is given. They take turns.
        var bobsProposals = 0;
        var decidedBy = await Api.DecideInTurnsAsync(study, ["ann", "bob"], (coder, item) =>
        {
            var kind = item.GetProperty("kind").GetString();
            Assert.NotEqual("Reconciliation", kind);
            return kind is "Redaction" or "TranscriptCheck" ? new { action = "confirm" }
                : coder == "bob" && bobsProposals++ % 2 == 0 ? new { action = "reject" } : new { action = "accept" };
        });

        var seconds = decidedBy.Keys.Where(k => k.EndsWith(SecondSuffix, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(seconds);
        foreach (var second in seconds)
        {
            var first = second[..^SecondSuffix.Length];
            Assert.True(decidedBy.ContainsKey(first), $"the proposal {first} of a decided second coding was never decided");
            Assert.NotEqual(decidedBy[first], decidedBy[second]);
        }
        // Every code proposal was doubled (share 1): proposals and second codings pair up one to one.
        Assert.Equal(seconds.Count, decidedBy.Count(d => !d.Key.EndsWith(SecondSuffix, StringComparison.Ordinal) && d.Key.Contains("~c", StringComparison.Ordinal)));

        // The reconciliations appear once the recording's waiting orchestration has counted the decisions.
        var reconciled = new List<(string Code, JsonElement Reconciles)>();
        var until = DateTime.UtcNow + StageTimeout;
        while (true)
        {
            var response = await Api.SendJsonAsync(HttpMethod.Post, $"studies/{study}/queue/claim?kind=Reconciliation", "");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var item = await ApiClient.EnsureAsync(response, HttpStatusCode.OK);
                Assert.Equal("Reconciliation", item.GetProperty("kind").GetString());
                var reconciles = item.GetProperty("reconciles");
                Assert.NotEqual(reconciles.GetProperty("first").GetProperty("decidedBy").GetString(), reconciles.GetProperty("second").GetProperty("decidedBy").GetString());
                await ApiClient.EnsureAsync(await Api.DecideAsync(item.GetProperty("id").GetString()!, new { action = "accept", note = "the lead's reading" }), HttpStatusCode.OK);
                reconciled.Add((item.GetProperty("suggestion").GetProperty("codeId").GetString()!, reconciles.Clone()));
                continue;
            }
            var status = (await Api.RecordingAsync(recording)).GetProperty("status").GetString();
            if (status == "Completed") break;
            Assert.True(DateTime.UtcNow < until, $"the recording did not complete after {reconciled.Count} reconciliation(s); status {status}");
            await Task.Delay(250);
        }
        Assert.NotEmpty(reconciled);
        Assert.All(reconciled, r => Assert.NotEqual(r.Reconciles.GetProperty("first").GetProperty("codes").GetArrayLength(), r.Reconciles.GetProperty("second").GetProperty("codes").GetArrayLength()));

        // The final transcript applies the lead's verdicts: one code decided by the lead per reconciliation.
        var final = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{recording}/transcript"), HttpStatusCode.OK);
        var applied = final.GetProperty("transcript").GetProperty("segments").EnumerateArray().SelectMany(s => s.GetProperty("codes").EnumerateArray()).ToList();
        Assert.Equal(reconciled.Count, applied.Count(c => c.GetProperty("decidedBy").GetString() == lead));

        var agreement = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/agreement"), HttpStatusCode.OK);
        var humanHuman = agreement.GetProperty("humanHuman");
        Assert.True(humanHuman.GetProperty("available").GetBoolean());
        Assert.True(humanHuman.GetProperty("units").GetInt32() > 0);
        Assert.Equal(0, humanHuman.GetProperty("segmentsAwaitingDecisions").GetInt32());
        Assert.Equal(0, agreement.GetProperty("reconciliationsPending").GetInt32());
        Assert.Equal(1, agreement.GetProperty("doubleCodingShare").GetDouble());
        // Every disagreement the lead settled is one (segment, code) on which the coders' own decisions differ.
        var pooled = humanHuman.GetProperty("pooled");
        Assert.Equal(reconciled.Count, pooled.GetProperty("onlyFirstApplied").GetInt32() + pooled.GetProperty("onlySecondApplied").GetInt32());
    }
}
