using System.Net;
using System.Text;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;
using Xunit.Abstractions;
using static Workflow.Integration.Tests.Hostile.Expected;

namespace Workflow.Integration.Tests.Hostile;

/// <summary>
/// Every case of the hostile corpus against one real runner, one at a time: each gets exactly its
/// expected outcome (a problem-details refusal naming the problem, or a failed stage with a reason
/// for users that quotes nothing), a good recording uploaded before them still completes, the runner
/// stays healthy, and its peak resident memory stays under 1 GB. The table of outcomes and memory
/// goes to the test output.
/// </summary>
public class HostileCorpusTests(HostileRunnerFixture fixture, ITestOutputHelper output) : IClassFixture<HostileRunnerFixture>
{
    private const long MemoryLimitMegabytes = 1024;
    private static readonly TimeSpan StageTimeout = TimeSpan.FromMinutes(3);

    private sealed record Row(string Case, string Expected, string Actual, long? PeakMegabytes, string? Problem);

    [Fact]
    public async Task EveryHostileInput_GetsItsOutcome_NothingAcceptedIsLost_AndTheRunnerStaysHealthyUnderOneGigabyte()
    {
        var api = fixture.Api;
        var study = Azurite.UniqueStudyId("hostile");
        await api.SetUpStudyAsync(study);
        var good = await api.UploadOkAsync(study, RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await api.WaitForStatusAsync(good, StageTimeout, "WaitingForVerification");
        var rows = new List<Row> { new("(runner after start and a good upload)", "", "", Peak(), null) };

        foreach (var upload in HostileCorpus.Uploads(fixture.Clips, HostileRunnerFixture.MaxUploadBytes))
            rows.Add(await RunAsync(study, upload));

        // JSON routes, the decision route on an item of the good recording (claimed, then decided properly).
        var item = (await api.ClaimAsync(study))!.Value;
        var itemId = item.GetProperty("id").GetString()!;
        var jsonStudy = Azurite.UniqueStudyId("hostile-json");
        await api.SetUpStudyAsync(jsonStudy);
        foreach (var json in HostileCorpus.JsonBodies(jsonStudy, itemId))
            rows.Add(await RunAsync(json));
        var decision = item.GetProperty("kind").GetString() is "Redaction" or "TranscriptCheck" ? new { action = "confirm" } : new { action = "accept" };
        await ApiClient.EnsureAsync(await api.DecideAsync(itemId, decision), HttpStatusCode.OK);

        await api.DecideEverythingAsync(study);
        var (final, _) = await api.WaitForStatusAsync(good, StageTimeout, "Completed", "Failed");
        rows.Add(new("good recording uploaded first", "Completed", final.GetProperty("status").GetString()!, Peak(),
            final.GetProperty("status").GetString() == "Completed" ? null : "the good recording did not complete"));

        var health = await api.GetAsync("health");
        var healthText = await health.Content.ReadAsStringAsync();
        rows.Add(new("runner health afterwards", "200, every part ok", $"{(int)health.StatusCode} {healthText}", Peak(),
            health.StatusCode == HttpStatusCode.OK && !healthText.Contains("\"failed\"") ? null : "the runner is not healthy"));

        var peak = Peak();
        Print(rows, peak);
        Assert.NotNull(peak);
        Assert.Empty(rows.Where(r => r.Problem is not null).Select(r => $"{r.Case}: {r.Problem} (got: {r.Actual})"));
        Assert.True(peak < MemoryLimitMegabytes, $"the runner's peak resident memory was {peak} MB");
    }

    private async Task<Row> RunAsync(string study, HostileUpload upload)
    {
        using var content = RawMultipart.Build(upload.FileName, upload.File(), upload.Fields, upload.ContentType);
        using var response = await fixture.Http.PostAsync($"studies/{study}/recordings", content);
        var body = await response.Content.ReadAsStringAsync();
        if (upload.Expected is Refused refused)
            return Judge(upload.Name, $"{(int)refused.Status}: {refused.Detail}", await RefusalAsync(response, body), refused);

        if (response.StatusCode != HttpStatusCode.Accepted)
            return new(upload.Name, Describe(upload.Expected), $"{(int)response.StatusCode} {Shorten(body)}", Peak(), "expected 202 Accepted");
        var id = JsonDocument.Parse(body).RootElement.GetProperty("recordingId").GetString()!;
        var (recording, _) = await fixture.Api.WaitForStatusAsync(id, StageTimeout, "Failed", "WaitingForVerification", "Completed");
        var status = recording.GetProperty("status").GetString();
        var stage = recording.GetProperty("stage").GetString();
        var error = recording.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString()! : "";
        var actual = status == "Failed" ? $"Failed at {stage}: {error}" : $"{status} at {stage}";
        var seen = recording.GetRawText();

        string? problem = upload.Expected switch
        {
            FailsAt f when status != "Failed" || stage != f.Stage => $"expected to fail at {f.Stage}",
            FailsAt f when !error.Contains(f.Reason, StringComparison.Ordinal) => $"the reason does not say '{f.Reason}'",
            FailsAt when error.Contains("host log", StringComparison.OrdinalIgnoreCase) => "the reason points to the host log instead of saying what was wrong",
            FailsAt when upload.Secret is { } secret && error.Contains(secret, StringComparison.Ordinal) => "the reason quotes the file",
            Processed when status != "WaitingForVerification" => "expected to be processed like a good upload",
            Processed when recording.GetProperty("fileName").GetString() != "source.txt" => "the status shows a name other than source.txt",
            Processed when seen.Contains("..", StringComparison.Ordinal) || seen.Contains("gnp.exe", StringComparison.Ordinal) => "the status carries the hostile name or free text",
            _ => null,
        };
        return new(upload.Name, Describe(upload.Expected), actual, Peak(), problem);
    }

    private async Task<Row> RunAsync(HostileJson json)
    {
        using var request = new HttpRequestMessage(json.Method, json.Route) { Content = new StringContent(json.Body(), Encoding.UTF8, "application/json") };
        using var response = await fixture.Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return Judge(json.Name, $"{(int)json.Expected.Status}: {json.Expected.Detail}", await RefusalAsync(response, body), json.Expected);
    }

    private static Task<(HttpStatusCode Status, string? MediaType, string Detail)> RefusalAsync(HttpResponseMessage response, string body)
    {
        string detail;
        try { detail = JsonDocument.Parse(body).RootElement.GetProperty("detail").GetString() ?? ""; }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { detail = Shorten(body); }
        return Task.FromResult((response.StatusCode, response.Content.Headers.ContentType?.MediaType, detail));
    }

    private Row Judge(string name, string expected, (HttpStatusCode Status, string? MediaType, string Detail) got, Refused refused)
    {
        var problem = got.Status != refused.Status ? $"expected {(int)refused.Status}"
            : got.MediaType != "application/problem+json" ? "not problem details"
            : !got.Detail.Contains(refused.Detail, StringComparison.Ordinal) ? $"the detail does not say '{refused.Detail}'"
            : null;
        return new(name, expected, $"{(int)got.Status}: {Shorten(got.Detail)}", Peak(), problem);
    }

    private long? Peak() => fixture.Runner.ProcessId is { } pid ? RunnerMemory.Read(pid).PeakMegabytes : null;

    private static string Describe(Expected expected) => expected switch
    {
        FailsAt f => $"202, then Failed at {f.Stage}: ...{f.Reason}...",
        Processed => "202, processed (waits for verification)",
        Refused r => $"{(int)r.Status}: {r.Detail}",
        _ => expected.ToString(),
    };

    private static string Shorten(string text)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length > 160 ? flat[..160] + "..." : flat;
    }

    private void Print(List<Row> rows, long? peak)
    {
        // The peak only grows: the rise beside a case is what that case (and work still running) added.
        output.WriteLine("| case | outcome | runner peak RSS (VmHWM) after it | rise | as expected |");
        output.WriteLine("|---|---|---:|---:|---|");
        long? before = null;
        foreach (var row in rows)
        {
            var rise = before is { } b && row.PeakMegabytes is { } p ? $"+{p - b} MB" : "";
            output.WriteLine($"| {Escape(row.Case)} | {Escape(row.Actual)} | {row.PeakMegabytes?.ToString() ?? "?"} MB | {rise} | {(row.Problem is null ? "yes" : "NO: " + row.Problem)} |");
            before = row.PeakMegabytes ?? before;
        }
        output.WriteLine($"peak resident memory of the runner over the whole corpus: {peak?.ToString() ?? "?"} MB (limit {MemoryLimitMegabytes} MB)");
    }

    // Control characters would break the table; show them as escapes.
    private static string Escape(string text) => string.Concat(text.Select(c =>
        char.IsControl(c) || c is '\u202E' ? $"\\u{(int)c:X4}" : c == '|' ? "\\|" : c.ToString()));
}
