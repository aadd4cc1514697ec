using Workflow.Domain.Ports;
using Workflow.Domain.Audit;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Api.Auth;
using Workflow.Api.Endpoints;
using Workflow.Api.Handlers;
using Workflow.Composition;
using Microsoft.Extensions.Configuration;
using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Verification;
using Workflow.Engines.Local;
using Workflow.Storage;
using Workflow.Domain.Exports.Qda;
using Workflow.Domain.Recordings;
using Workflow.Domain.Results;
using Workflow.Domain.Studies;
using Workflow.Domain.Transcripts;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Integration.Tests.Storage;

namespace Workflow.Integration.Tests.Exports;

/// <summary>
/// The export and report routes through the real dispatcher (roles applied) on real storage (Azurite):
/// a study with one verified recording and one still running.
/// </summary>
public sealed class ExportHandlerTests : IAsyncLifetime, IDisposable
{
    private const string InterviewerName = "Darren Oldfield";
    private const string Person = "Kevin Ashby";
    private const string Label = "[Person 7]";
    private const string Memo = "Kevin Ashby says the same about the wait later on.";
    private readonly string _workRoot = Path.Combine(Path.GetTempPath(), "export-tests-" + Guid.NewGuid().ToString("N"));
    private TestStores _stores = null!;
    private ServiceProvider _services = null!;
    private ServiceProvider _engines = null!;

    public async Task InitializeAsync()
    {
        _stores = await Azurite.StoresAsync();
        // Memos pass through the study's de-identification: the real engines, here the study list and the rules.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Engines:Deidentification"] = "rules" }).Build();
        var engineServices = new ServiceCollection().AddLogging().AddSingleton<IWorkArea>(new WorkArea(_workRoot));
        engineServices.AddLocalEngines(configuration).AddEngineSelection(configuration);
        _engines = engineServices.BuildServiceProvider();
        var memos = new MemoDeidentifier(new Workflow.Orchestrations.Verification.FreeTextDeidentifier(_engines.GetRequiredService<EngineSelection>(), _stores.Identifiers, _stores.Pseudonyms));
        var loader = new StudyExportLoader(_stores.Studies, _stores.Recordings, _stores.Documents, _stores.Codebooks, _stores.Verification, memos, TimeProvider.System);
        _services = new ServiceCollection().AddLogging()
            .AddSingleton(new ExportHandlers(loader, new HumanMachineSampleReader(_stores.Recordings, _stores.Verification), new WorkArea(_workRoot), _stores.Services.GetRequiredService<IAuditTrail>(), TimeProvider.System))
            .BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _engines.DisposeAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_workRoot)) Directory.Delete(_workRoot, recursive: true);
    }

    private sealed class FixedResolver(WorkflowPrincipal principal) : IPrincipalResolver
    {
        public WorkflowPrincipal? Resolve(HttpRequest request) => principal;
    }

    private async Task<(int Status, byte[] Body, HttpResponse Response)> CallAsync(string endpoint, string studyId, string? format, string query = "", string role = WorkflowRoles.Lead)
    {
        // The caller holds the role in this study (membership is checked by the real dispatcher on Azurite).
        var members = _stores.Services.GetRequiredService<Workflow.Storage.StudyMembers>();
        await members.PutAsync(new StudyMember(studyId, "lead-1", [role], "admin-1", StorageSamples.T0), default);
        var dispatcher = new ApiDispatcher(new FixedResolver(new WorkflowPrincipal("lead-1", new HashSet<string>())),
            new StoredStudyMembershipSource(members, _stores.Recordings, _stores.Studies), _services);
        var context = new DefaultHttpContext { RequestServices = _services };
        context.Request.QueryString = new QueryString(query);
        var body = new MemoryStream();
        context.Response.Body = body;
        var routes = new Dictionary<string, string> { ["studyId"] = studyId };
        if (format is not null) routes["format"] = format;

        var result = await dispatcher.InvokeAsync(endpoint, context.Request, routes, durable: null!, CancellationToken.None);
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, body.ToArray(), context.Response);
    }

    private static string Detail(byte[] body) => JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString()!;

    /// <summary>A study with a codebook, one verified recording (final transcript stored) and one still running.</summary>
    private async Task<(string StudyId, string Verified)> SeedAsync(bool withFinal = true)
    {
        var studyId = Azurite.UniqueStudyId("exp");
        await _stores.Studies.TryCreateAsync(new Study(studyId, "Export study", [new Site("site-a", "Site A")], StorageSamples.T0), default);
        await _stores.Codebooks.AddVersionAsync(studyId, new CodebookDraft("Codebook", [
            new CodebookEntry("t-access", null, 1, "Access", "Getting into services."),
            new CodebookEntry("c-waiting", "t-access", 2, "Waiting lists", "Waiting for treatment."),
        ]), default);

        var verified = StorageSamples.Recording(studyId, StorageSamples.T0);
        var metadata = verified.Metadata with { Interviewer = InterviewerName, Notes = "met at " + InterviewerName + "'s office" };
        await _stores.Recordings.TryCreateAsync(verified with { Metadata = metadata, Stage = PipelineStage.Completed, Status = RecordingStatus.Completed }, default);
        await _stores.Recordings.TryCreateAsync(StorageSamples.Recording(studyId, StorageSamples.T0.AddMinutes(1)), default);
        if (withFinal)
        {
            // What the pipeline would have stored: the original, its key, the labelled final text, a coder's memo.
            const string text = Label + " said the waiting list at the café was 🙂 six weeks.";
            var start = text.IndexOf("waiting list", StringComparison.Ordinal);
            var original = text.Replace(Label, Person, StringComparison.Ordinal);
            await _stores.Identifiers.AddVersionAsync(studyId, [new StudyIdentifier(StudyIdentifier.StableIdFor(IdentifierKind.Person, Person), Person, IdentifierKind.Person, [])], default);
            await _stores.Documents.SaveTranscriptAsync(studyId, new Transcript(verified.Id, "test", [new Utterance(0, "P001", 1, 4, original, [])]), default);
            await _stores.Documents.SaveDeidentificationRecordAsync(studyId, new DeidentificationRecord(verified.Id, 1, [],
                [new RedactionKeyEntry("r0-0-11", 0, 0, Person.Length, Person)]), default);
            var final = new FinalTranscript(verified.Id, studyId, 1, 1, [new Utterance(0, "P001", 1, 4, text, [])],
                [new Redaction("r0-0-11", 0, 0, Label.Length, IdentifierKind.Person, Label, 0.95, "study-list", false)],
                [new CodedSegment("s0", 0, start, text.Length, "P001", [new AppliedCode("c-waiting", "Waiting lists", CodeOrigin.Accepted, "coder-7", null)])],
                StorageSamples.T0.AddDays(2));
            await _stores.Documents.SaveFinalAsync(studyId, verified.Id, final, default);
            var item = StorageSamples.Suggestion(studyId, verified.Id, "c-waiting-s0") with
            {
                Suggestion = new CodeSuggestion("s0", "c-waiting", 0.8, new EvidenceSpan(0, 12, "waiting list"), "test", 1),
                Status = VerificationItemStatus.Decided,
                Decision = new VerificationDecision(DecisionAction.Accept, null, Memo, "coder-7", StorageSamples.T0.AddDays(1)),
            };
            await _stores.Verification.EnqueueAsync([item], default);
        }
        return (studyId, verified.Id);
    }

    [Fact]
    public async Task Qdpx_HoldsTheVerifiedRecordingOnly_AndIsTheSameEveryTime()
    {
        var (studyId, verified) = await SeedAsync();

        var (status, body, response) = await CallAsync("GetStudyExport", studyId, "qdpx");
        var again = await CallAsync("GetStudyExport", studyId, "qdpx");

        Assert.Equal(200, status);
        Assert.Equal("application/zip", response.ContentType);
        Assert.Contains($"{studyId}-project.qdpx", response.Headers.ContentDisposition.ToString());
        Assert.Equal(body.Length, response.ContentLength);
        Assert.Equal(body, again.Body);
        var project = QdpxPackage.Read(new MemoryStream(body));
        var source = Assert.Single(project.Sources);
        Assert.Equal(verified, source.Name);
        Assert.Equal("waiting list at the café was 🙂 six weeks.",
            string.Concat(source.PlainText.EnumerateRunes().Skip(source.Selections[0].Start).Take(source.Selections[0].End - source.Selections[0].Start)));
        Assert.Empty(Directory.Exists(_workRoot) ? Directory.GetFileSystemEntries(_workRoot) : []);
        // Each export is on the study's audit trail: who, which format, how many recordings.
        var exports = (await _stores.Services.GetRequiredService<IAuditTrail>().ReadAsync(studyId, 1, 100, default))
            .Where(e => e.Action == AuditAction.Exported).ToList();
        Assert.Equal(2, exports.Count);
        Assert.All(exports, e => Assert.Equal("lead-1", e.Actor));
        Assert.All(exports, e => Assert.Equal("qdpx", e.Details["format"]));
    }

    [Fact]
    public async Task CsvJsonAndDocx_AreServed_WithoutTheUploadsFreeText()
    {
        var (studyId, verified) = await SeedAsync();

        var csv = await CallAsync("GetStudyExport", studyId, "csv");
        var json = await CallAsync("GetStudyExport", studyId, "JSON");
        var docx = await CallAsync("GetStudyExport", studyId, "docx");

        Assert.Equal((200, "text/csv; charset=utf-8"), (csv.Status, csv.Response.ContentType));
        var lines = Encoding.UTF8.GetString(csv.Body).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("coder-7", lines[1]);
        Assert.Equal(200, json.Status);
        using var document = JsonDocument.Parse(json.Body);
        Assert.Equal(verified, document.RootElement.GetProperty("recordings")[0].GetProperty("recordingId").GetString());
        Assert.Equal(200, docx.Status);
        using var zip = new ZipArchive(new MemoryStream(docx.Body));
        Assert.Equal([verified + ".docx"], zip.Entries.Select(e => e.FullName));
        foreach (var body in new[] { csv.Body, json.Body })
            Assert.DoesNotContain(InterviewerName, Encoding.UTF8.GetString(body));
        Assert.All(new[] { csv, json, docx }, r => Assert.Equal("no-store", r.Response.Headers.CacheControl.ToString()));
    }

    [Fact]
    public async Task CodeReport_IsHtmlByDefault_OrCsv_OrPng()
    {
        var (studyId, _) = await SeedAsync();

        var html = await CallAsync("GetStudyCodeReport", studyId, null);
        var csv = await CallAsync("GetStudyCodeReport", studyId, null, "?format=csv");

        Assert.Equal((200, "text/html; charset=utf-8"), (html.Status, html.Response.ContentType));
        Assert.Contains("<svg ", Encoding.UTF8.GetString(html.Body));
        Assert.Equal(200, csv.Status);
        Assert.Contains("by_site,t-access,Access,c-waiting,Waiting lists,site-a,Site A,1", Encoding.UTF8.GetString(csv.Body));
        var png = await CallAsync("GetStudyCodeReport", studyId, null, "?format=png");
        Assert.Equal((200, "image/png"), (png.Status, png.Response.ContentType));
        Assert.Equal("PNG", Encoding.ASCII.GetString(png.Body, 1, 3));
    }

    [Fact]
    public async Task CodeReport_CarriesPerCodeAgreement_FromTheDecidedQueue_AsTableCsvAndChart()
    {
        var (studyId, _) = await SeedAsync();

        var html = Encoding.UTF8.GetString((await CallAsync("GetStudyCodeReport", studyId, null)).Body);
        var csv = Encoding.UTF8.GetString((await CallAsync("GetStudyCodeReport", studyId, null, "?format=csv")).Body);
        var chart = await CallAsync("GetStudyCodeReport", studyId, null, "?format=png&chart=agreement");
        var unknown = await CallAsync("GetStudyCodeReport", studyId, null, "?format=png&chart=pie");

        // The coder accepted the engine's one suggestion: one segment, both applied.
        Assert.Contains("Per-code agreement: coders and the engine", html);
        Assert.Contains("1 segments count", html);
        Assert.Contains("agreement,t-access,Access,c-waiting,Waiting lists,both_applied,Both applied,1,", csv);
        Assert.Equal((200, "image/png"), (chart.Status, chart.Response.ContentType));
        Assert.Equal(400, unknown.Status);
        Assert.Contains("codes or agreement", Detail(unknown.Body));
    }

    [Fact]
    public async Task TheAgreementChart_OfAStudyWithNoDecidedSuggestion_Gets409()
    {
        var (studyId, verified) = await SeedAsync();
        var item = Assert.Single(await _stores.Verification.ListAsync(studyId, verified, default));
        await _stores.Verification.EnqueueAsync([item with { Id = item.Id + "-pending", Status = VerificationItemStatus.Pending, Decision = null }], default);

        var chart = await CallAsync("GetStudyCodeReport", studyId, null, "?format=png&chart=agreement");
        var html = Encoding.UTF8.GetString((await CallAsync("GetStudyCodeReport", studyId, null)).Body);

        Assert.Equal(409, chart.Status);
        Assert.Contains("no agreement to chart yet", Detail(chart.Body));
        Assert.Contains("No per-code agreement yet", html);
    }

    [Fact]
    public async Task AStudyWithNothingVerified_Gets409()
    {
        var (studyId, _) = await SeedAsync(withFinal: false);

        var export = await CallAsync("GetStudyExport", studyId, "qdpx");
        var report = await CallAsync("GetStudyCodeReport", studyId, null);

        Assert.Equal(409, export.Status);
        Assert.Contains("nothing verified yet", Detail(export.Body));
        Assert.Equal(409, report.Status);
    }

    [Fact]
    public async Task AnUnknownFormat_Gets400_NamingTheKnownOnes()
    {
        var (studyId, _) = await SeedAsync();

        var export = await CallAsync("GetStudyExport", studyId, "xlsx");
        var report = await CallAsync("GetStudyCodeReport", studyId, null, "?format=pdf");

        Assert.Equal(400, export.Status);
        Assert.Contains("qdpx, csv, json, docx", Detail(export.Body));
        Assert.Equal(400, report.Status);
    }

    [Fact]
    public async Task AnUnknownStudy_Gets404()
    {
        var (status, body, _) = await CallAsync("GetStudyExport", Azurite.UniqueStudyId("none"), "csv");

        Assert.Equal(404, status);
        Assert.Contains("no study", Detail(body));
    }

    [Theory]
    [InlineData("?identifiable=true", "must say why")]
    [InlineData("?identifiable=true&purpose=curiosity", "'curiosity' is not an export purpose")]
    [InlineData("?identifiable=true&purpose=participant-request", "must name the participant")]
    [InlineData("?purpose=approved-analysis", "only to identifiable exports")]
    [InlineData("?identifiable=yes&purpose=approved-analysis", "identifiable must be true or false")]
    [InlineData("?identifiable=true&purpose=participant-request&participant=P%20001", "participant must be a participant id")]
    public async Task AnIdentifiableExportWithoutAValidPurpose_Gets400_AndIsNotRecorded(string query, string problem)
    {
        var (studyId, _) = await SeedAsync();

        var (status, body, _) = await CallAsync("GetStudyExport", studyId, "json", query);

        Assert.Equal(400, status);
        Assert.Contains(problem, Detail(body));
        Assert.DoesNotContain((await AuditAsync(studyId)), e => e.Action == AuditAction.Exported);
    }

    [Fact]
    public async Task AnIdentifiableExport_PutsTheWordsBack_MovesTheCodedSegments_AndIsAuditedWithItsPurpose()
    {
        var (studyId, verified) = await SeedAsync();

        var json = await CallAsync("GetStudyExport", studyId, "json", "?identifiable=true&purpose=approved-analysis");
        var qdpx = await CallAsync("GetStudyExport", studyId, "qdpx", "?identifiable=true&purpose=approved-analysis&memos=false");

        Assert.Equal(200, json.Status);
        Assert.Contains($"{studyId}-IDENTIFIABLE-", json.Response.Headers.ContentDisposition.ToString());
        var text = Encoding.UTF8.GetString(json.Body);
        Assert.Contains(Person + " said the waiting list", text);
        Assert.DoesNotContain(Label, text);
        Assert.Contains(Memo, text);
        var source = Assert.Single(QdpxPackage.Read(new MemoryStream(qdpx.Body)).Sources);
        var selection = source.Selections[0];
        Assert.Equal("waiting list at the café was 🙂 six weeks.",
            string.Concat(source.PlainText.EnumerateRunes().Skip(selection.Start).Take(selection.End - selection.Start)));
        Assert.Contains(Person, source.PlainText);

        var exported = (await AuditAsync(studyId)).Where(e => e.Action == AuditAction.Exported).ToList();
        Assert.Equal(2, exported.Count);
        Assert.All(exported, e => Assert.Equal(("True", "approved-analysis"), (e.Details["identifiable"], e.Details["purpose"])));
        Assert.Equal(["1", "0"], exported.Select(e => e.Details["memos"]));
        Assert.Equal(verified, source.Name);
    }

    [Fact]
    public async Task ADeidentifiedExport_CarriesTheMemos_WithTheNamesTheyMentionReplacedByTheStudysPseudonyms()
    {
        var (studyId, _) = await SeedAsync();

        var json = await CallAsync("GetStudyExport", studyId, "json");
        var qdpx = await CallAsync("GetStudyExport", studyId, "qdpx");

        var registry = await _stores.Pseudonyms.GetAsync(studyId, default);
        var label = Assert.Single(registry.Entries).Label;
        foreach (var body in new[] { json.Body, qdpx.Body })
            Assert.DoesNotContain("Kevin", AllText(body));
        Assert.Contains(label + " says the same about the wait later on.", Encoding.UTF8.GetString(json.Body));
        Assert.Contains(label + " says the same about the wait later on.", AllText(qdpx.Body));
        var withoutMemos = await CallAsync("GetStudyExport", studyId, "json", "?memos=false");
        Assert.DoesNotContain("says the same", Encoding.UTF8.GetString(withoutMemos.Body));
    }

    [Fact]
    public async Task AParticipantsOwnRequest_HoldsOnlyTheirRecordings_AndOneWithNoneVerifiedGets409()
    {
        var (studyId, verified) = await SeedAsync();

        var theirs = await CallAsync("GetStudyExport", studyId, "json", "?identifiable=true&purpose=participant-request&participant=p001");
        var none = await CallAsync("GetStudyExport", studyId, "json", "?identifiable=true&purpose=participant-request&participant=P999");

        Assert.Equal(200, theirs.Status);
        Assert.Contains(verified, Encoding.UTF8.GetString(theirs.Body));
        Assert.Equal(409, none.Status);
        Assert.Contains("no verified recording with participant 'P999'", Detail(none.Body));
        var exported = Assert.Single(await AuditAsync(studyId), e => e.Action == AuditAction.Exported);
        Assert.Equal(("participant-request", "p001"), (exported.Details["purpose"], exported.Details["participant"]));
    }

    [Fact]
    public async Task AnIdentifiableExport_OfATranscriptChangedSinceItWasVerified_Gets409_AndSendsNothing()
    {
        var (studyId, verified) = await SeedAsync();
        // A re-transcription batch has replaced the original since the final transcript was made.
        await _stores.Documents.SaveTranscriptAsync(studyId, new Transcript(verified, "test", [new Utterance(0, "P001", 1, 4, "Something else entirely.", [])]), default);

        var (status, body, _) = await CallAsync("GetStudyExport", studyId, "csv", "?identifiable=true&purpose=secure-archive");

        Assert.Equal(409, status);
        Assert.Contains("cannot be re-identified", Detail(body));
        Assert.DoesNotContain((await AuditAsync(studyId)), e => e.Action == AuditAction.Exported);
    }

    [Fact]
    public async Task TheCodeReport_HasNoIdentifiableForm()
    {
        var (studyId, _) = await SeedAsync();

        var (status, body, _) = await CallAsync("GetStudyCodeReport", studyId, null, "?identifiable=true");

        Assert.Equal(400, status);
        Assert.Contains("no identifiable form", Detail(body));
    }

    private static string AllText(byte[] body) => string.Join('\n', ExportTexts.Of("export", body).Select(t => t.Text));

    private Task<IReadOnlyList<AuditEvent>> AuditAsync(string studyId) =>
        _stores.Services.GetRequiredService<IAuditTrail>().ReadAsync(studyId, 1, 100, default);

    [Theory]
    [InlineData("GetStudyExport", WorkflowRoles.Coder)]
    [InlineData("GetStudyExport", WorkflowRoles.Interviewer)]
    [InlineData("GetStudyCodeReport", WorkflowRoles.Coder)]
    public async Task OnlyLeads_MayExport(string endpoint, string role)
    {
        var (studyId, _) = await SeedAsync();

        var (status, _, _) = await CallAsync(endpoint, studyId, "csv", role: role);

        Assert.Equal(403, status);
    }
}
