using System.Net;
using System.Text;

namespace Workflow.Cli.Tests.Client;

/// <summary>The commands end to end against a fake host: what is sent, what is printed, exit codes, files left behind.</summary>
public sealed class CommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cli-commands-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static async Task<(int Code, string Out, string Err)> RunAsync(FakeHost? host, IDictionary<string, string>? environment, params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var cli = CliContext.Plain(stdout, stderr, name => environment?.TryGetValue(name, out var v) == true ? v : null) with { HttpHandler = host is null ? null : () => host };
        var code = await CliApp.RunAsync(args, cli);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private string WriteFolder(string metadata, params string[] files)
    {
        var folder = Path.Combine(_dir, "upload");
        Directory.CreateDirectory(folder);
        foreach (var file in files) File.WriteAllText(Path.Combine(folder, file), "Interviewer: Hello.\n\nParticipant: Hello there, thanks for having me.\n");
        File.WriteAllText(Path.Combine(folder, "metadata.csv"), metadata);
        return folder;
    }

    private const string Sheet = """
        file,siteId,format,participants,consentRecording,consentTranscription,interviewer
        a.txt,site-a,interview,P001:ServiceUser,true,true,SP
        b.txt,site-a,interview,P002:ServiceUser,true,true,SP
        """;

    [Fact]
    public async Task Upload_SendsEachFileWithItsFields_AsTheDevUser_AndPrintsIdsAndDuplicates()
    {
        var folder = WriteFolder(Sheet, "a.txt", "b.txt");
        var host = new FakeHost(r => r.Body.Contains("a.txt")
            ? FakeHost.Json(HttpStatusCode.Accepted, """{"recordingId":"rec-a","statusUrl":"/api/recordings/rec-a","duplicate":false,"source":"Transcript"}""")
            : FakeHost.Json(HttpStatusCode.OK, """{"recordingId":"rec-b","statusUrl":"/api/recordings/rec-b","duplicate":true,"source":"Transcript"}"""));

        var (code, output, _) = await RunAsync(host, new Dictionary<string, string> { ["WORKFLOW_USER"] = "sp", ["WORKFLOW_ROLES"] = "Interviewer" },
            "upload", folder, "--study", "s 1", "--api", "http://host:1/api");

        Assert.Equal(0, code);
        Assert.Equal(2, host.Requests.Count);
        var first = host.Requests[0];
        Assert.Equal("/api/studies/s%201/recordings", first.Uri.AbsolutePath);
        Assert.Equal("sp", first.Headers["X-Dev-User"]);
        Assert.Equal("Interviewer", first.Headers["X-Dev-Roles"]);
        Assert.Contains("name=siteId", first.Body);
        Assert.Contains("P001:ServiceUser", first.Body);
        Assert.Contains("Hello there", first.Body);
        Assert.Contains("a.txt: rec-a", output);
        Assert.Contains("b.txt: rec-b (duplicate", output);
        Assert.Contains("1 uploaded, 1 duplicate(s), 0 refused.", output);
    }

    [Fact]
    public async Task Upload_WithABadSheet_ReportsEveryProblem_AndSendsNothing()
    {
        var folder = WriteFolder("""
            file,siteId,format,participants,consentRecording,consentTranscription,interviewer,mood
            a.txt,site-a,interview,P001:ServiceUser,true,true,SP,ok
            """, "a.txt");
        var host = new FakeHost(_ => throw new InvalidOperationException("nothing may be sent"));

        var (code, _, err) = await RunAsync(host, null, "upload", folder, "--study", "s");

        Assert.Equal(1, code);
        Assert.Empty(host.Requests);
        Assert.Contains("unknown column 'mood'", err);
        Assert.Contains("nothing was uploaded", err);
    }

    [Fact]
    public async Task Upload_ARefusedFile_PrintsTheProblemDetail_UploadsTheRest_AndExits1()
    {
        var folder = WriteFolder(Sheet, "a.txt", "b.txt");
        var host = new FakeHost(r => r.Body.Contains("a.txt")
            ? FakeHost.Problem(HttpStatusCode.BadRequest, "siteId 'site-a' is not a site of this study; sites: north.")
            : FakeHost.Json(HttpStatusCode.Accepted, """{"recordingId":"rec-b","statusUrl":"/api/recordings/rec-b","duplicate":false}"""));

        var (code, output, err) = await RunAsync(host, null, "upload", folder, "--study", "s");

        Assert.Equal(1, code);
        Assert.Contains("error: a.txt (line 2): siteId 'site-a' is not a site of this study; sites: north.", err);
        Assert.Contains("b.txt: rec-b", output);
    }

    [Fact]
    public async Task Batch_StartsWithStageAndScope_FollowsToTheEnd_AndReportsFailuresWithReasons()
    {
        var polls = 0;
        var host = new FakeHost(r => r.Method == HttpMethod.Post
            ? FakeHost.Json(HttpStatusCode.Accepted, """{"operationId":"op-1","stage":"Coding","statusUrl":"/api/studies/s/reprocess/op-1","cancelUrl":"/api/studies/s/reprocess/op-1/cancel","alreadyStarted":false}""")
            : ++polls < 2
                ? FakeHost.Json(HttpStatusCode.OK, """{"operationId":"op-1","runtimeStatus":"Running","stage":"Coding","counts":{"total":2,"done":0,"failed":0,"running":2,"queued":0,"waitingForCoders":0,"skipped":0,"cancelled":0,"cancelRequested":false},"failed":[],"processed":[],"skipped":[]}""")
                : FakeHost.Json(HttpStatusCode.OK, """{"operationId":"op-1","runtimeStatus":"Completed","stage":"Coding","counts":{"total":2,"done":1,"failed":1,"running":0,"queued":0,"waitingForCoders":1,"skipped":0,"cancelled":0,"cancelRequested":false},"failed":[{"recordingId":"rec-2","status":"Failed","stage":"Coding","error":"The codebook has no codes."}],"processed":[{"recordingId":"rec-1","status":"WaitingForVerification","stage":"AwaitingVerification","pending":3,"carried":5,"requeued":1}],"skipped":[]}"""));

        var (code, output, err) = await RunAsync(host, null, "batch", "--study", "s", "--stage", "coding", "--sites", "a,b", "--changed-since", "2", "--request-id", "r-1", "--interval", "0.01", "--bearer", "tok");

        Assert.Equal(1, code);
        var start = host.Requests[0];
        Assert.Equal("/api/studies/s/reprocess", start.Path);
        Assert.Equal("Bearer tok", start.Headers["Authorization"]);
        Assert.Equal("""{"stage":"coding","scope":{"sites":["a","b"],"changedSinceCodebookVersion":2},"requestId":"r-1"}""", start.Body);
        Assert.Equal("/api/studies/s/reprocess/op-1", host.Requests[1].Path);
        Assert.Contains("0/2 Running", output);
        Assert.Contains("op-1 Completed: 2 recordings, 1 done, 1 failed, 1 waiting for coders", output);
        Assert.Contains("rec-1: WaitingForVerification, 3 item(s) for coders, 5 decision(s) carried over, 1 asked again", output);
        Assert.Contains("failed: rec-2 at Coding: The codebook has no codes.", err);
    }

    [Fact]
    public async Task Batch_Cancel_PostsToTheCancelRoute_AndAConflictIsPrintedAsItsDetail()
    {
        var host = new FakeHost(_ => FakeHost.Problem(HttpStatusCode.Conflict, "Batch 'op-1' has already ended (Completed); there is nothing to cancel."));
        var (code, _, err) = await RunAsync(host, null, "batch", "--cancel", "op-1", "--study", "s");

        Assert.Equal(1, code);
        Assert.Equal("/api/studies/s/reprocess/op-1/cancel", Assert.Single(host.Requests).Path);
        Assert.Equal("error: Batch 'op-1' has already ended (Completed); there is nothing to cancel.\n", err.ReplaceLineEndings("\n"));
    }

    [Fact]
    public async Task Export_WritesTheFile_AndLeavesNoTemporaryFile()
    {
        var host = new FakeHost(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("study,site\ns,a\n", Encoding.UTF8, "text/csv") });
        var target = Path.Combine(_dir, "codes.csv");

        var (code, output, _) = await RunAsync(host, null, "export", "--study", "s", "--format", "csv", "--out", target);

        Assert.Equal(0, code);
        Assert.Equal("/api/studies/s/exports/csv", Assert.Single(host.Requests).Path);
        Assert.Equal("study,site\ns,a\n", await File.ReadAllTextAsync(target));
        Assert.Equal(["codes.csv"], Directory.GetFiles(_dir).Select(Path.GetFileName));
        Assert.Contains("wrote " + target, output);
    }

    [Fact]
    public async Task Export_Identifiable_SendsThePurposeAndParticipant_AndSaysItIsAudited()
    {
        var host = new FakeHost(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent("{}", Encoding.UTF8, "application/json") });
        var target = Path.Combine(_dir, "p017.json");

        var (code, output, _) = await RunAsync(host, null, "export", "--study", "s", "--format", "json", "--out", target,
            "--identifiable", "participant-request", "--participant", "P017", "--memos", "FALSE");

        Assert.Equal(0, code);
        var request = Assert.Single(host.Requests);
        Assert.Equal("/api/studies/s/exports/json", request.Path);
        Assert.Equal("?identifiable=true&purpose=participant-request&participant=P017&memos=false", request.Uri.Query);
        Assert.Contains("IDENTIFIABLE for participant-request: recorded in the audit trail", output);
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(target));
    }

    [Fact]
    public async Task Report_DownloadsTheCodeReportInTheFormatAsked()
    {
        var host = new FakeHost(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([0x89, (byte)'P', (byte)'N', (byte)'G']) });
        var target = Path.Combine(_dir, "codes.png");

        var (code, output, _) = await RunAsync(host, null, "report", "--study", "s", "--format", "png", "--out", target);

        Assert.Equal(0, code);
        var request = Assert.Single(host.Requests);
        Assert.Equal(("/api/studies/s/reports/codes", "?format=png"), (request.Path, request.Uri.Query));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], await File.ReadAllBytesAsync(target));
        Assert.Contains("code report as png", output);
    }

    [Theory]
    [InlineData(new[] { "--report", "codes", "--format", "png", "--chart", "agreement" }, "/api/studies/s/reports/codes", "?format=png&chart=agreement", "code report as png, agreement chart")]
    [InlineData(new[] { "--report", "throughput", "--format", "csv" }, "/api/studies/s/reports/throughput", "?format=csv", "throughput report as csv")]
    public async Task Report_AsksForTheReportAndChartNamed(string[] options, string path, string query, string said)
    {
        var host = new FakeHost(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) });
        var target = Path.Combine(_dir, "report.out");

        var (code, output, _) = await RunAsync(host, null, ["report", "--study", "s", .. options, "--out", target]);

        Assert.Equal(0, code);
        var request = Assert.Single(host.Requests);
        Assert.Equal((path, query), (request.Path, request.Uri.Query));
        Assert.Contains(said, output);
    }

    [Fact]
    public async Task Batch_Retry_PostsToTheRetryRoute_AndFollowsTheNewBatch()
    {
        var host = new FakeHost(r => r.Method == HttpMethod.Post
            ? FakeHost.Json(HttpStatusCode.Accepted, """{"operationId":"op-2","stage":"Coding","statusUrl":"/api/studies/s/reprocess/op-2","cancelUrl":"/api/studies/s/reprocess/op-2/cancel","alreadyStarted":false}""")
            : FakeHost.Json(HttpStatusCode.OK, """{"operationId":"op-2","runtimeStatus":"Completed","stage":"Coding","counts":{"total":1,"done":1,"failed":0,"running":0,"queued":0,"waitingForCoders":0,"skipped":0,"cancelled":0,"cancelRequested":false},"failed":[],"processed":[],"skipped":[]}"""));

        var (code, output, _) = await RunAsync(host, null, "batch", "--retry", "op-1", "--study", "s", "--interval", "0.01");

        Assert.Equal(0, code);
        Assert.Equal(["/api/studies/s/reprocess/op-1/retry", "/api/studies/s/reprocess/op-2"], host.Requests.Select(r => r.Path));
        Assert.Contains("op-2: retrying the failed recordings of op-1.", output);
        Assert.Contains("op-2 Completed: 1 recordings, 1 done, 0 failed", output);
    }

    [Fact]
    public async Task Export_CutOffMidway_LeavesNothingHalfWritten_AndKeepsTheEarlierFile()
    {
        var target = Path.Combine(_dir, "study.qdpx");
        await File.WriteAllTextAsync(target, "the earlier, complete export");
        var host = new FakeHost(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new FailingStream(4096)) });

        var (code, _, err) = await RunAsync(host, null, "export", "--study", "s", "--format", "qdpx", "--out", target);

        Assert.Equal(1, code);
        Assert.Contains("connection reset", err);
        Assert.Equal("the earlier, complete export", await File.ReadAllTextAsync(target));
        Assert.Equal(["study.qdpx"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Export_OfAStudyWithNothingVerified_PrintsTheDetail_AndWritesNoFile()
    {
        var host = new FakeHost(_ => FakeHost.Problem(HttpStatusCode.Conflict, "Study 's' has nothing verified yet."));
        var target = Path.Combine(_dir, "x.json");

        var (code, _, err) = await RunAsync(host, null, "export", "--study", "s", "--format", "json", "--out", target);

        Assert.Equal(1, code);
        Assert.Contains("error: Study 's' has nothing verified yet.", err);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData("export", "--study", "s", "--format", "pdf", "--out", "x")]
    [InlineData("export", "--format", "csv", "--out", "x")]
    [InlineData("export", "--study", "s", "--format", "csv", "--out", "x", "--memos", "maybe")]
    [InlineData("report", "--study", "s", "--format", "pdf", "--out", "x")]
    [InlineData("report", "--study", "s", "--report", "sites", "--out", "x")]
    [InlineData("report", "--study", "s", "--format", "html", "--chart", "agreement", "--out", "x")]
    [InlineData("report", "--study", "s", "--report", "throughput", "--format", "png", "--chart", "codes", "--out", "x")]
    [InlineData("batch", "--study", "s", "--retry", "op-1", "--stage", "coding")]
    [InlineData("batch", "--study", "s", "--stage", "translation")]
    [InlineData("batch", "--study", "s", "--stage", "coding", "--changed-since", "zero")]
    [InlineData("watch", "--study", "s", "--until", "done")]
    [InlineData("watch", "--study", "s", "--colour", "on")]
    [InlineData("watch", "--study")]
    [InlineData("upload", "--study", "s")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task UsageErrors_Exit2_WithTheUsage_AndCallNoHost(params string[] args)
    {
        var host = new FakeHost(_ => throw new InvalidOperationException("no request expected"));
        var (code, _, err) = await RunAsync(host, null, args);

        Assert.Equal(2, code);
        Assert.StartsWith("error: ", err);
        Assert.Contains("usage: workflow upload", err);
        Assert.Empty(host.Requests);
    }

    [Fact]
    public async Task Watch_FollowsUntilAllWait_AndAFailedRecordingExits1WithItsReason()
    {
        var polls = 0;
        var host = new FakeHost(_ => FakeHost.Json(HttpStatusCode.OK, ++polls == 1
            ? """[{"id":"rec-1","stage":"Coding","status":"Running","source":"Transcript","createdAt":"2026-01-01T00:00:00Z","statusUrl":"/api/recordings/rec-1"},{"id":"rec-2","stage":"Ingesting","status":"Running","source":"Audio","createdAt":"2026-01-01T00:00:01Z","statusUrl":"/api/recordings/rec-2"}]"""
            : """[{"id":"rec-1","stage":"AwaitingVerification","status":"WaitingForVerification","progress":{"done":0,"total":4},"source":"Transcript","createdAt":"2026-01-01T00:00:00Z","statusUrl":"/api/recordings/rec-1"},{"id":"rec-2","stage":"Ingesting","status":"Failed","error":"The audio is truncated.","source":"Audio","createdAt":"2026-01-01T00:00:01Z","statusUrl":"/api/recordings/rec-2"}]"""));

        var (code, output, err) = await RunAsync(host, null, "watch", "--study", "s", "--interval", "0.01");

        Assert.Equal(1, code);
        Assert.Equal(2, host.Requests.Count);
        Assert.Contains("0/2 waiting for coders or completed", output);
        Assert.Contains("0/4 decided", output);
        Assert.Contains("failed: rec-2 at Ingesting: The audio is truncated.", err);
    }

    /// <summary>A response body that breaks after some bytes, as a dropped connection does.</summary>
    private sealed class FailingStream(int failAfter) : Stream
    {
        private int _sent;
        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_sent >= failAfter) throw new IOException("connection reset by peer");
            var n = Math.Min(count, failAfter - _sent);
            Array.Fill(buffer, (byte)'x', offset, n);
            _sent += n;
            return n;
        }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _sent; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
