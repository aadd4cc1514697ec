using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

// Simulated coders working one study's verification queue over HTTP, all at once, until it is empty.
// Reports claim throughput and claim/decision latency, and checks the two things a queue must never
// do: hand one item to two coders at once, or lose a decision it acknowledged. Exit code 1 on either.
// With --think-ms 0 (the default) every coder decides the moment it has claimed, so the run measures
// the queue saturated: latency is then about coders / throughput. --think-ms N makes each coder read
// an item for 0.5N..1.5N ms before deciding, closer to people; coders then also start at random
// moments within the first N ms instead of all in the same millisecond.
//   dotnet Workflow.QueueLoad.dll --api http://127.0.0.1:7181/api --study <id> [--coders 50] [--think-ms 0] [--settle-seconds 180]

var options = Args.Parse(args);
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
{
    BaseAddress = new Uri(options.Api.TrimEnd('/') + "/"),
    Timeout = TimeSpan.FromSeconds(60),
};

var claimLatencies = new ConcurrentBag<double>();
var decisionLatencies = new ConcurrentBag<double>();
var holders = new ConcurrentDictionary<string, string>();          // item -> coder holding it right now
var claimedBy = new ConcurrentDictionary<string, ConcurrentDictionary<string, byte>>(); // item -> every coder given it
var acknowledged = new ConcurrentDictionary<string, string>();     // item -> coder whose decision got 200
var counters = new Counters();

Console.WriteLine($"{options.Coders} coders on study {options.Study} at {options.Api}, think time {options.ThinkMs} ms");
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(1, options.Coders).Select(n => Task.Run(() => CoderAsync($"load-coder-{n:D2}"))));
var elapsed = clock.Elapsed.TotalSeconds;

async Task CoderAsync(string coder)
{
    var attempts = new Dictionary<string, int>();
    if (options.ThinkMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(options.ThinkMs * Random.Shared.NextDouble()));
    while (true)
    {
        using var claim = Request(HttpMethod.Post, $"studies/{options.Study}/queue/claim", coder);
        var started = Stopwatch.GetTimestamp();
        using var claimed = await http.SendAsync(claim);
        var body = await claimed.Content.ReadAsStringAsync();
        claimLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (claimed.StatusCode == HttpStatusCode.NoContent) return;
        if (!claimed.IsSuccessStatusCode) { counters.Add(ref counters.Errors, $"claim {(int)claimed.StatusCode}: {body}"); return; }
        Interlocked.Increment(ref counters.Claims);

        using var item = JsonDocument.Parse(body);
        var id = item.RootElement.GetProperty("id").GetString()!;
        var decisionUrl = item.RootElement.GetProperty("decisionUrl").GetString()!.TrimStart('/');
        var actions = item.RootElement.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToList();
        var action = actions.FirstOrDefault(a => a.Equals("accept", StringComparison.OrdinalIgnoreCase))
            ?? actions.First(a => a.Equals("confirm", StringComparison.OrdinalIgnoreCase));

        var holder = holders.GetOrAdd(id, coder);
        if (holder != coder) counters.Add(ref counters.Duplicates, $"{id} given to {coder} while {holder} holds it");
        claimedBy.GetOrAdd(id, _ => new()).TryAdd(coder, 0);
        if (acknowledged.TryGetValue(id, out var decider))
            counters.Add(ref counters.Lost, $"{id} was decided by {decider} (200) but is offered again to {coder}");

        if (options.ThinkMs > 0) await Task.Delay(TimeSpan.FromMilliseconds(options.ThinkMs * (0.5 + Random.Shared.NextDouble())));

        // The API prefix is in both the base address and the decision URL.
        using var decide = Request(HttpMethod.Post, decisionUrl.StartsWith("api/", StringComparison.Ordinal) ? decisionUrl[4..] : decisionUrl, coder);
        decide.Content = JsonContent.Create(new { action = action.ToLowerInvariant() });
        started = Stopwatch.GetTimestamp();
        using var decided = await http.SendAsync(decide);
        var decidedBody = await decided.Content.ReadAsStringAsync();
        decisionLatencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (decided.IsSuccessStatusCode)
        {
            holders.TryRemove(new KeyValuePair<string, string>(id, coder));
            if (!acknowledged.TryAdd(id, coder)) counters.Add(ref counters.Lost, $"{id} decided twice (by {acknowledged[id]} and {coder})");
            Interlocked.Increment(ref counters.Decisions);
            continue;
        }
        counters.Add(ref counters.Conflicts, $"decision {(int)decided.StatusCode} on {id} by {coder}: {decidedBody}");
        attempts[id] = attempts.GetValueOrDefault(id) + 1;
        if (attempts[id] >= 3) { counters.Add(ref counters.Errors, $"{coder} gave up on {id}"); return; }
    }
}

// A null coder is the checker, who reads as the study's lead (scripts/queue-load.sh creates the study
// as load-lead); the simulated coders are members with the Coder role only.
HttpRequestMessage Request(HttpMethod method, string path, string? coder)
{
    var request = new HttpRequestMessage(method, path);
    request.Headers.Add("X-Dev-User", coder ?? "load-lead");
    request.Headers.Add("X-Dev-Roles", coder is null ? "Admin" : "Coder");
    return request;
}

// Every acknowledged decision must show in the store: each recording's progress counts decided items,
// and its orchestration completes once none is pending. Wait for that, then compare counts.
Console.WriteLine($"Queue empty after {elapsed:F1} s; checking every decision is stored (up to {options.SettleSeconds} s)");
var settle = Stopwatch.StartNew();
List<RecordingState> states;
while (true)
{
    states = await RecordingStatesAsync();
    if (states.All(s => s.Status is "Completed" or "Failed") || settle.Elapsed.TotalSeconds > options.SettleSeconds) break;
    await Task.Delay(1000);
}
var decidedInStore = states.Sum(s => s.Done);
var totalInStore = states.Sum(s => s.Total);
var notCompleted = states.Count(s => s.Status != "Completed");
var lostByCount = Math.Max(0, acknowledged.Count - decidedInStore);
var everShared = claimedBy.Count(kv => kv.Value.Count > 1);

Console.WriteLine();
Console.WriteLine($"recordings            {states.Count} ({notCompleted} not completed)");
Console.WriteLine($"items (store)         {totalInStore}, decided {decidedInStore}");
Console.WriteLine($"claims                {counters.Claims} in {elapsed:F1} s = {counters.Claims / elapsed:F1} claims/s");
Console.WriteLine($"decisions (200)       {acknowledged.Count}");
Console.WriteLine($"claim latency         p50 {Percentile(claimLatencies, 50):F0} ms  p95 {Percentile(claimLatencies, 95):F0} ms  max {claimLatencies.DefaultIfEmpty().Max():F0} ms  (n={claimLatencies.Count}, incl. final 204s)");
Console.WriteLine($"decision latency      p50 {Percentile(decisionLatencies, 50):F0} ms  p95 {Percentile(decisionLatencies, 95):F0} ms  max {decisionLatencies.DefaultIfEmpty().Max():F0} ms  (n={decisionLatencies.Count})");
Console.WriteLine($"given to two at once  {counters.Duplicates}");
Console.WriteLine($"ever given to two     {everShared}");
Console.WriteLine($"decision conflicts    {counters.Conflicts}");
Console.WriteLine($"decisions lost        {counters.Lost + lostByCount}");
Console.WriteLine($"errors                {counters.Errors}");
foreach (var message in counters.Messages.Take(10)) Console.WriteLine("  " + message);

var failed = counters.Duplicates > 0 || counters.Lost + lostByCount > 0 || counters.Errors > 0
    || decidedInStore != totalInStore || acknowledged.Count != totalInStore || notCompleted > 0;
if (failed) Console.WriteLine("FAILED: duplicates, lost decisions, errors or undecided items (see above)");
return failed ? 1 : 0;

async Task<List<RecordingState>> RecordingStatesAsync()
{
    using var list = Request(HttpMethod.Get, $"studies/{options.Study}/recordings", null);
    using var response = await http.SendAsync(list);
    response.EnsureSuccessStatusCode();
    using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    var result = new List<RecordingState>();
    foreach (var r in doc.RootElement.EnumerateArray())
    {
        using var one = Request(HttpMethod.Get, $"recordings/{r.GetProperty("id").GetString()}", null);
        using var detail = await http.SendAsync(one);
        detail.EnsureSuccessStatusCode();
        using var d = JsonDocument.Parse(await detail.Content.ReadAsStringAsync());
        var progress = d.RootElement.GetProperty("progress");
        var (done, total) = progress.ValueKind == JsonValueKind.Object
            ? (progress.GetProperty("done").GetInt32(), progress.GetProperty("total").GetInt32())
            : (0, 0);
        result.Add(new RecordingState(d.RootElement.GetProperty("status").GetString()!, done, total));
    }
    return result;
}

static double Percentile(IEnumerable<double> values, double p)
{
    var sorted = values.Order().ToArray();
    if (sorted.Length == 0) return 0;
    var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}

internal sealed record RecordingState(string Status, int Done, int Total);

internal sealed class Counters
{
    public int Claims;
    public int Decisions;
    public int Duplicates;
    public int Lost;
    public int Conflicts;
    public int Errors;
    public ConcurrentQueue<string> Messages { get; } = new();

    public void Add(ref int counter, string message)
    {
        Interlocked.Increment(ref counter);
        Messages.Enqueue(message);
    }
}

internal sealed record Args(string Api, string Study, int Coders, int SettleSeconds, int ThinkMs)
{
    public static Args Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var study = Value("--study") ?? throw new ArgumentException("--study is required");
        return new Args(
            Value("--api") ?? "http://127.0.0.1:7181/api",
            study,
            int.Parse(Value("--coders") ?? "50", CultureInfo.InvariantCulture),
            int.Parse(Value("--settle-seconds") ?? "180", CultureInfo.InvariantCulture),
            int.Parse(Value("--think-ms") ?? "0", CultureInfo.InvariantCulture));
    }
}
