using System.Net;

namespace Workflow.Cli.Tests.Client;

/// <summary><c>workflow audit</c> against a fake host: what is asked, what is printed, and the exit code for each verdict.</summary>
public sealed class AuditCommandTests
{
    private static readonly string HeadHash = new('a', 64);
    private static readonly string OldHash = new('b', 64);

    private static async Task<(int Code, string Out, string Err)> RunAsync(FakeHost host, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var cli = CliContext.Plain(stdout, stderr) with { HttpHandler = () => host };
        var code = await CliApp.RunAsync(args, cli);
        return (code, stdout.ToString(), stderr.ToString().ReplaceLineEndings("\n"));
    }

    private static string Chain(bool intact, long checkedCount, long? brokenAt = null, string? problem = null, long head = 9) =>
        $$"""{"intact":{{(intact ? "true" : "false")}},"eventsChecked":{{checkedCount}},"brokenAt":{{(brokenAt?.ToString() ?? "null")}},"problem":{{(problem is null ? "null" : $"\"{problem}\"")}},"headSequence":{{head}},"headHash":"{{HeadHash}}"}""";

    private static HttpResponseMessage Verified(string chain, long? anchor = null) =>
        FakeHost.Json(HttpStatusCode.OK, $$"""{"studyId":"s","chain":{{chain}},"anchorSequence":{{(anchor?.ToString() ?? "null")}}}""");

    [Fact]
    public async Task Verify_AnIntactChain_PrintsItsLengthAndHead_AndExits0()
    {
        var host = new FakeHost(_ => Verified(Chain(true, 9)));

        var (code, output, err) = await RunAsync(host, "audit", "verify", "--study", "s 1", "--user", "lead-1");

        Assert.Equal(0, code);
        Assert.Equal("", err);
        var request = Assert.Single(host.Requests);
        Assert.Equal("/api/studies/s%201/audit/verify", request.Path);
        Assert.Equal("", request.Uri.Query);
        Assert.Equal("lead-1", request.Headers["X-Dev-User"]);
        Assert.Contains("audit trail of s 1: intact, 9 event(s).", output);
        Assert.Contains($"head: 9:{HeadHash}", output);
        Assert.Contains($"--since-head 9:{HeadHash}", output);
    }

    [Fact]
    public async Task Verify_SinceAHeadStillOnTheChain_SendsItAsTheAnchor_AndExits0()
    {
        var host = new FakeHost(_ => Verified(Chain(true, 9), anchor: 4));

        var (code, output, _) = await RunAsync(host, "audit", "verify", "--study", "s", "--since-head", $"4:{OldHash.ToUpperInvariant()}");

        Assert.Equal(0, code);
        Assert.Equal($"?sequence=4&hash={OldHash}", Assert.Single(host.Requests).Uri.Query);
        Assert.Contains($"passes through the remembered head 4:{OldHash}", output);
    }

    [Fact]
    public async Task Verify_ABrokenLink_NamesTheEvent_AndExitsWithTheBrokenCode()
    {
        var host = new FakeHost(_ => Verified(Chain(false, 2, brokenAt: 3, problem: "event 3 was changed after it was recorded (its hash does not match its contents).", head: 2)));

        var (code, output, err) = await RunAsync(host, "audit", "verify", "--study", "s");

        Assert.Equal(3, code);
        Assert.Contains("BROKEN at event 3; 2 event(s) verified before it", output);
        Assert.Equal("error: the audit trail is broken at event 3: event 3 was changed after it was recorded (its hash does not match its contents).\n", err);
    }

    [Fact]
    public async Task Verify_ARememberedHeadNoLongerOnAnIntactChain_ExitsWithItsOwnCode()
    {
        // The anchored walk fails; the plain walk holds: the chain was rebuilt after the head was noted.
        var host = new FakeHost(r => r.Uri.Query.Length > 0
            ? Verified(Chain(false, 3, brokenAt: 4, problem: "event 4 is not the event the anchor recorded (the chain was rewritten).", head: 3), anchor: 4)
            : Verified(Chain(true, 9)));

        var (code, output, err) = await RunAsync(host, "audit", "verify", "--study", "s", "--since-head", $"4:{OldHash}");

        Assert.Equal(4, code);
        Assert.Equal(["?sequence=4&hash=" + OldHash, ""], host.Requests.Select(r => r.Uri.Query));
        Assert.Contains("every link holds, 9 event(s)", output);
        Assert.Contains($"error: the remembered head 4:{OldHash} is not on the chain: event 4 is not the event the anchor recorded", err);
    }

    [Fact]
    public async Task Verify_WithARememberedHead_OnAChainWithABrokenLink_ReportsTheBrokenLink()
    {
        var host = new FakeHost(r => r.Uri.Query.Length > 0
            ? Verified(Chain(false, 1, brokenAt: 2, problem: "event 2 does not follow event 1 (its previous hash differs).", head: 1), anchor: 4)
            : Verified(Chain(false, 1, brokenAt: 2, problem: "event 2 does not follow event 1 (its previous hash differs).", head: 1)));

        var (code, _, err) = await RunAsync(host, "audit", "verify", "--study", "s", "--since-head", $"4:{OldHash}");

        Assert.Equal(3, code);
        Assert.Contains("broken at event 2: event 2 does not follow event 1", err);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "This route needs the Lead role in the study.")]
    [InlineData(HttpStatusCode.NotFound, "There is no study 's'.")]
    public async Task Verify_AnApiProblem_PrintsItsDetail_AndExits1(HttpStatusCode status, string detail)
    {
        var host = new FakeHost(_ => FakeHost.Problem(status, detail));

        var (code, output, err) = await RunAsync(host, "audit", "verify", "--study", "s");

        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"error: {detail}\n", err);
    }

    [Fact]
    public async Task Verify_AnUnreachableHost_SaysSo_AndExits1()
    {
        var host = new FakeHost(_ => throw new HttpRequestException("Connection refused"));

        var (code, _, err) = await RunAsync(host, "audit", "verify", "--study", "s");

        Assert.Equal(1, code);
        Assert.Contains("cannot reach the host (Connection refused)", err);
    }

    [Fact]
    public async Task List_FollowsThePages_PrintsEveryEvent_AndTheChainsVerdict()
    {
        static string Event(int n) => $$"""{"studyId":"s","sequence":{{n}},"at":"2026-12-02T10:00:0{{n}}Z","actor":"lead-1","action":"MembershipChanged","targetId":"coder-{{n}}","details":{"roles":"Coder"},"previousHash":"x","hash":"y"}""";
        var host = new FakeHost(r => FakeHost.Json(HttpStatusCode.OK, r.Uri.Query.Contains("from=1&")
            ? $$"""{"studyId":"s","events":[{{Event(1)}},{{Event(2)}}],"from":1,"next":"/api/studies/s/audit?from=3&max=2","chain":{{Chain(true, 3, head: 3)}}}"""
            : $$"""{"studyId":"s","events":[{{Event(3)}}],"from":3,"next":null,"chain":{{Chain(true, 3, head: 3)}}}"""));

        var (code, output, _) = await RunAsync(host, "audit", "list", "--study", "s", "--max", "5");

        Assert.Equal(0, code);
        Assert.Equal(["?from=1&max=5", "?from=3&max=3"], host.Requests.Select(r => r.Uri.Query));
        Assert.Contains("     2  2026-12-02 10:00:02Z  lead-1  MembershipChanged  coder-2  roles=Coder", output);
        Assert.Contains("3 event(s) shown.", output);
        Assert.Contains($"chain: intact, head 3:{HeadHash}", output);
    }

    [Fact]
    public async Task List_OfABrokenChain_StillPrintsTheEvents_AndExitsWithTheBrokenCode()
    {
        var host = new FakeHost(_ => FakeHost.Json(HttpStatusCode.OK,
            $$"""{"studyId":"s","events":[],"from":1,"next":null,"chain":{{Chain(false, 0, brokenAt: 1, problem: "expected event 1, found event 2: events were removed, inserted or reordered.", head: 0)}}}"""));

        var (code, output, err) = await RunAsync(host, "audit", "list", "--study", "s");

        Assert.Equal(3, code);
        Assert.Contains("0 event(s) shown.", output);
        Assert.Contains("broken at event 1: expected event 1, found event 2", err);
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("audit", "check", "--study", "s")]
    [InlineData("audit", "verify")]
    [InlineData("audit", "verify", "--study", "s", "--since-head", "12")]
    [InlineData("audit", "verify", "--study", "s", "--since-head", "0:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("audit", "verify", "--study", "s", "--since-head", "3:abc")]
    [InlineData("audit", "verify", "--study", "s", "--from", "2")]
    [InlineData("audit", "list", "--study", "s", "--max", "0")]
    public async Task UsageErrors_Exit2_WithTheUsage_AndCallNoHost(params string[] args)
    {
        var host = new FakeHost(_ => throw new InvalidOperationException("no request expected"));

        var (code, _, err) = await RunAsync(host, args);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Contains("workflow audit verify --study S", err);
        Assert.Empty(host.Requests);
    }
}
