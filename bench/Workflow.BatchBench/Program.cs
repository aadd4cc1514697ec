using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.BatchBench;
using Workflow.Domain.Recordings;
using Workflow.Storage;

// Times study batches that re-code generated transcripts on a running local runner, coders never in
// the loop: first a batch over the first SMALL recordings, then one over all COUNT, and reports the
// throughput of each and the ratio of the two durations (linear scaling means about COUNT/SMALL).
if (args.Contains("--table-scan-probe"))
{
    var storage = args[Array.IndexOf(args, "--storage") + 1];
    return await TableScanProbe.RunAsync(storage, [1_000, 10_000, 40_000]);
}
var options = Args.Parse(args);
var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Storage:Identifiable"] = options.Storage,
    ["Storage:Deidentified"] = options.Storage,
}).Build();
await using var services = new ServiceCollection().AddWorkflowStorage(configuration).BuildServiceProvider();
await services.GetRequiredService<StorageProvisioner>().EnsureCreatedAsync(CancellationToken.None);
using var http = new HttpClient { BaseAddress = new Uri(options.Api.TrimEnd('/') + "/"), Timeout = TimeSpan.FromMinutes(2) };
http.DefaultRequestHeaders.Add("X-Dev-User", "bench-lead");
// An administrator: it creates the study, and so becomes its lead.
http.DefaultRequestHeaders.Add("X-Dev-Roles", "Admin");

await Ensure(await http.PostAsJsonAsync("studies", new { id = options.Study, name = "Batch benchmark", sites = new[] { new { id = "site-a", name = "Site A" } } }));
await Ensure(await http.PutAsync($"studies/{options.Study}/codebook", new StringContent(File.ReadAllText(options.Codebook), Encoding.UTF8, "application/json")));
var codebook = (await services.GetRequiredService<CodebookRepository>().GetCurrentAsync(options.Study, CancellationToken.None))!;

Console.WriteLine($"Seeding {options.Count} completed recordings of about {options.Words} words each");
var clock = Stopwatch.StartNew();
var ids = Enumerable.Range(0, options.Count).Select(i => $"rec-{options.Study.GetHashCode() & 0x7fffffff:x8}{i:D12}").ToList();
await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (r, ct) =>
    await Seed.RecordingAsync(services, options.Study, r.id, r.i, options.Words, codebook, ct));
Console.WriteLine($"    seeded in {clock.Elapsed.TotalSeconds:F1} s");

var small = await BatchAsync(ids.Take(options.Small).ToList());
var all = await BatchAsync(ids);
var ratio = all.Seconds / small.Seconds;
Console.WriteLine();
Console.WriteLine($"Batch re-coding on the local runner (coders never in the loop), {options.Words}-word transcripts:");
Console.WriteLine($"    {options.Small,5} recordings: {small.Seconds,7:F1} s  {options.Small / small.Seconds,6:F2} recordings/s  {options.Small * options.Words / small.Seconds,8:F0} words/s  {small.Pending,7} items queued");
Console.WriteLine($"    {options.Count,5} recordings: {all.Seconds,7:F1} s  {options.Count / all.Seconds,6:F2} recordings/s  {options.Count * options.Words / all.Seconds,8:F0} words/s  {all.Pending,7} items queued");
Console.WriteLine($"    ratio {options.Count} / {options.Small}: {ratio:F2}x (linear: {(double)options.Count / options.Small:F0}x; the target is at most {1.1 * options.Count / options.Small:F0}x)");
return ratio <= 1.1 * options.Count / options.Small ? 0 : 1;

async Task<(double Seconds, int Pending)> BatchAsync(List<string> recordings)
{
    // Timed here, from the request to the poll that sees the end (1 s resolution). The instance's own
    // creation time is no start: the batch continues as new every 50 recordings.
    var timer = System.Diagnostics.Stopwatch.StartNew();
    var response = await http.PostAsJsonAsync($"studies/{options.Study}/reprocess", new { stage = "coding", scope = new { recordings } });
    var started = await Ensure(response);
    var statusUrl = started.GetProperty("statusUrl").GetString()!.TrimStart('/')["api/".Length..];
    Console.WriteLine($"Batch over {recordings.Count} recordings: {started.GetProperty("operationId").GetString()}");
    while (true)
    {
        await Task.Delay(1000);
        var status = await Ensure(await http.GetAsync(statusUrl));
        var runtime = status.GetProperty("runtimeStatus").GetString();
        var counts = status.GetProperty("counts");
        Console.Write($"\r    {counts.GetProperty("done").GetInt32()}/{counts.GetProperty("total").GetInt32()} done, {counts.GetProperty("failed").GetInt32()} failed   ");
        if (runtime is "Completed" or "Failed" or "Terminated")
        {
            Console.WriteLine();
            if (runtime != "Completed" || counts.GetProperty("failed").GetInt32() > 0 || counts.GetProperty("done").GetInt32() != recordings.Count)
                throw new InvalidOperationException($"The batch did not re-code every recording: {status}");
            var seconds = timer.Elapsed.TotalSeconds;
            var pending = status.GetProperty("processed").EnumerateArray().Sum(p => p.GetProperty("pending").GetInt32());
            return (seconds, pending);
        }
    }
}

static async Task<JsonElement> Ensure(HttpResponseMessage response)
{
    var text = await response.Content.ReadAsStringAsync();
    if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"HTTP {(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {text}");
    return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
}

internal sealed record Args(string Api, string Storage, string Study, int Count, int Small, int Words, string Codebook)
{
    public static Args Parse(string[] args)
    {
        string Get(string name, string? fallback = null)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback ?? throw new ArgumentException($"--{name} is required");
        }
        return new Args(Get("api"), Get("storage"), Get("study"), int.Parse(Get("count", "1000")), int.Parse(Get("small", "100")),
            int.Parse(Get("words", "6000")), Get("codebook"));
    }
}

internal static class Seed
{
    public static async Task RecordingAsync(IServiceProvider services, string study, string id, int index, int words, Workflow.Domain.Coding.Codebook codebook, CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        var metadata = new RecordingMetadata("site-a", RecordingFormat.IndividualInterview, [new ParticipantRef($"P{index % 100000:D5}", RespondentRole.ServiceUser)],
            null, new DateOnly(2006, 5, 3), new ConsentFlags(true, true, false, false));
        var transcript = GeneratedInterview.Build(study, id, index, words, codebook);
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n\n", transcript.Utterances.Select(u => $"{u.Speaker}: {u.Text}")));
        await using (var content = new MemoryStream(bytes))
            await services.GetRequiredService<RawUploadRepository>().SaveAsync(RawUploadRepository.NameOf(study, id, ".txt"), content, "text/plain", "generated.txt", ct);
        await services.GetRequiredService<RecordingDocuments>().SaveDeidentifiedAsync(transcript, ct);
        await services.GetRequiredService<RecordingRepository>().TryCreateAsync(new Recording(id, study, metadata, SourceKind.Transcript, "source.txt", "text/plain",
            bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), PipelineStage.Completed, RecordingStatus.Completed,
            null, null, now, now), ct);
    }
}
