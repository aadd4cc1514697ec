using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>
/// Health that tells the truth: 200 only when both storage accounts and the Durable backend answer,
/// otherwise 503 naming the failing part. Anonymous, so it says nothing about any study.
/// </summary>
public sealed class HealthHandler(StorageAccounts storage, TimeSpan probeTimeout)
{
    /// <summary>How long each part may take to answer before health reports it as timed out.</summary>
    public static readonly TimeSpan DefaultProbeTimeout = TimeSpan.FromSeconds(3);

    public HealthHandler(StorageAccounts storage) : this(storage, DefaultProbeTimeout)
    {
    }

    public async Task<IResult> GetAsync(ApiCall call)
    {
        var parts = new Dictionary<string, string>
        {
            ["identifiableStorage"] = await ProbeAsync(ct => ReadOneAsync(storage.Identifiable.Tables, ct), call.Cancellation),
            ["deidentifiedStorage"] = await ProbeAsync(ct => ReadOneAsync(storage.Deidentified.Tables, ct), call.Cancellation),
            ["durable"] = await ProbeAsync(ct => call.Durable.GetInstanceAsync("health-probe", ct), call.Cancellation),
        };
        var failing = parts.Where(p => p.Value != "ok").Select(p => p.Key).ToList();
        if (failing.Count == 0) return TypedResults.Ok(new HealthResponse("ok", parts));
        call.Request.HttpContext.Response.Headers.RetryAfter = "10";
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Unavailable.",
            detail: $"Not answering: {string.Join(", ", failing)}.", extensions: parts.ToDictionary(p => p.Key, p => (object?)p.Value));
    }

    /// <summary>Lists at most one table: cheap, needs the account to answer, reads no study data.</summary>
    private static async Task ReadOneAsync(TableServiceClient tables, CancellationToken ct)
    {
        await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: ct)) break;
    }

    private async Task<string> ProbeAsync(Func<CancellationToken, Task> probe, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(probeTimeout);
        try
        {
            await probe(timeout.Token);
            return "ok";
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return e is OperationCanceledException ? "timed out" : $"failing ({e.GetType().Name})";
        }
    }
}
