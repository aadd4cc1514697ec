using System.Net;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// A segment as one unit on the running local host: a claim leases every proposal of the passage to
/// one coder, one decision covers them all and adds a code the engine missed, the final transcript
/// applies exactly that; bad segment decisions are refused in words and save nothing.
/// </summary>
public class SegmentDecisionEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(2);

    private Task<HttpResponseMessage> DecideSegmentAsync(string itemId, object body, string user) =>
        Api.SendJsonAsync(HttpMethod.Post, $"queue/items/{itemId}/segment-decision", JsonSerializer.Serialize(body), user);

    [Fact]
    public async Task ACoderDecidesAllProposalsOfASegmentAtOnce_AddingAMissedCode_AndTheFinalTranscriptAppliesIt()
    {
        var study = Azurite.UniqueStudyId("segment");
        await Api.SetUpStudyAsync(study);
        await Api.AddMemberAsync(study, "sam", "Coder");
        await Api.AddMemberAsync(study, "tia", "Coder");
        var recording = await Api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await Api.WaitForStatusAsync(recording, StageTimeout, "WaitingForVerification", "Failed");
        var codebook = await ApiClient.EnsureAsync(await Api.GetAsync($"studies/{study}/codebook"), HttpStatusCode.OK);
        var allCodes = codebook.GetProperty("codes").EnumerateArray().Where(c => c.GetProperty("level").GetInt32() == 2).Select(c => c.GetProperty("id").GetString()!).ToList();

        // Sam works until a claim brings a segment with several proposals; single ones are decided on the way.
        JsonElement segmentItem;
        while (true)
        {
            var claimed = await Api.ClaimAsync(study, "sam") ?? throw new InvalidOperationException("the sample has no segment with two proposals");
            var id = claimed.GetProperty("id").GetString()!;
            if (claimed.GetProperty("kind").GetString() is "Redaction" or "TranscriptCheck")
            {
                Assert.Equal(JsonValueKind.Null, claimed.GetProperty("segment").ValueKind);
                await ApiClient.EnsureAsync(await Api.DecideAsync(id, new { action = "confirm" }, "sam"), HttpStatusCode.OK);
                continue;
            }
            if (claimed.GetProperty("segment").GetArrayLength() >= 2) { segmentItem = claimed; break; }
            Assert.Equal(id, claimed.GetProperty("segment")[0].GetProperty("id").GetString());
            await ApiClient.EnsureAsync(await DecideSegmentAsync(id, new { decisions = new[] { new { itemId = id, action = "accept" } } }, "sam"), HttpStatusCode.OK);
        }
        var mainId = segmentItem.GetProperty("id").GetString()!;
        var proposals = segmentItem.GetProperty("segment").EnumerateArray().ToList();
        var proposalIds = proposals.Select(p => p.GetProperty("id").GetString()!).ToList();
        Assert.Contains(mainId, proposalIds);
        Assert.All(proposals, p => Assert.Equal(segmentItem.GetProperty("context").GetString(), p.GetProperty("context").GetString()));
        var proposedCodes = proposals.Select(p => p.GetProperty("suggestion").GetProperty("codeId").GetString()!).ToList();
        var mainCode = segmentItem.GetProperty("suggestion").GetProperty("codeId").GetString()!;
        var missed = allCodes.First(c => !proposedCodes.Contains(c));

        // The whole segment is Sam's: Tia is never given one of its proposals.
        var tias = await Api.ClaimAsync(study, "tia");
        Assert.DoesNotContain(tias?.GetProperty("id").GetString(), proposalIds);
        if (tias is { } t) await Api.SendJsonAsync(HttpMethod.Post, $"queue/items/{t.GetProperty("id").GetString()}/release", "", "tia");

        object Decisions(string? added) => new
        {
            decisions = proposalIds.Select(id => new { itemId = id, action = id == mainId ? "accept" : "reject" }).ToArray(),
            addedCodeIds = added is null ? Array.Empty<string>() : [added],
            note = "the passage also speaks to another code",
        };
        var unknown = await ApiClient.ProblemAsync(await DecideSegmentAsync(mainId, Decisions("no_such_code"), "sam"), HttpStatusCode.BadRequest);
        Assert.Contains("'no_such_code' is not a level-2 code", unknown.GetRawText(), StringComparison.Ordinal);
        var withoutMain = new { decisions = proposalIds.Where(id => id != mainId).Select(id => new { itemId = id, action = "reject" }).ToArray() };
        await ApiClient.ProblemAsync(await DecideSegmentAsync(mainId, withoutMain, "sam"), HttpStatusCode.BadRequest);

        var saved = await ApiClient.EnsureAsync(await DecideSegmentAsync(mainId, Decisions(missed), "sam"), HttpStatusCode.OK);
        Assert.Equal(proposalIds.Count, saved.GetProperty("decided").GetArrayLength());
        Assert.Equal("Edit", saved.GetProperty("decided").EnumerateArray().Single(d => d.GetProperty("itemId").GetString() == mainId).GetProperty("action").GetString());
        // Sent again, nothing is decided twice.
        var again = await ApiClient.ProblemAsync(await DecideSegmentAsync(mainId, Decisions(missed), "sam"), HttpStatusCode.Conflict);
        Assert.Contains("already been decided", again.GetRawText(), StringComparison.Ordinal);

        await Api.DecideEverythingAsync(study);
        await Api.WaitForStatusAsync(recording, StageTimeout, "Completed", "Failed");
        var final = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{recording}/transcript"), HttpStatusCode.OK);
        var text = segmentItem.GetProperty("context").GetString()!;
        var sams = final.GetProperty("transcript").GetProperty("segments").EnumerateArray()
            .SelectMany(s => s.GetProperty("codes").EnumerateArray())
            .Where(c => c.GetProperty("decidedBy").GetString() == "sam")
            .Select(c => c.GetProperty("codeId").GetString()!).ToList();
        Assert.Contains(mainCode, sams);
        Assert.Contains(missed, sams);
        Assert.All(proposedCodes.Where(c => c != mainCode), rejected => Assert.True(text.Length > 0 && !SegmentHas(final, text, rejected, "sam"), $"{rejected} was rejected but applied"));
    }

    /// <summary>True when the final transcript's segment with <paramref name="text"/> has <paramref name="code"/> decided by <paramref name="coder"/>.</summary>
    private static bool SegmentHas(JsonElement final, string text, string code, string coder)
    {
        var transcript = final.GetProperty("transcript");
        return transcript.GetProperty("segments").EnumerateArray().Any(s =>
            s.GetProperty("codes").EnumerateArray().Any(c => c.GetProperty("codeId").GetString() == code && c.GetProperty("decidedBy").GetString() == coder)
            && SegmentText(transcript, s) == text);
    }

    private static string SegmentText(JsonElement transcript, JsonElement segment)
    {
        var utterance = transcript.GetProperty("utterances").EnumerateArray().First(u => u.GetProperty("index").GetInt32() == segment.GetProperty("utteranceIndex").GetInt32());
        var words = utterance.GetProperty("text").GetString()!;
        return words[segment.GetProperty("start").GetInt32()..segment.GetProperty("end").GetInt32()];
    }
}
