using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Serialization;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage.Configuration;

namespace Workflow.Integration.Tests.Storage;

/// <summary>
/// The audit trail on the real Table service (Azurite): concurrent appenders give one gap-free chain,
/// and changes made to the table behind the trail's back are reported by its verification.
/// </summary>
public class AuditTrailTableTests
{
    private static async Task<(IAuditTrail Trail, TableClient Table)> TrailAsync()
    {
        var stores = await Azurite.StoresAsync();
        return (stores.Services.GetRequiredService<IAuditTrail>(), stores.Accounts.Identifiable.Tables.GetTableClient(StorageNames.AuditTable));
    }

    private static AuditEntry Entry(string actor, int i) =>
        new(actor, AuditAction.DecisionRecorded, $"item-{i}", new Dictionary<string, string> { ["action"] = "Accept", ["n"] = i.ToString() });

    [Fact]
    public async Task AppendAsync_TwentyAppendersAtOnce_GiveOneGapFreeVerifiedChain()
    {
        var (trail, _) = await TrailAsync();
        var study = Azurite.UniqueStudyId("audit-conc");
        const int appenders = 20, each = 5;

        // Each appender runs on its own task and starts at the same moment, so they race for every sequence number.
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, appenders).Select(a => Task.Run(async () =>
        {
            start.Wait();
            var mine = new List<AuditEvent>();
            for (var i = 0; i < each; i++) mine.Add(await trail.AppendAsync(study, Entry($"coder-{a}", i), CancellationToken.None));
            return mine;
        })).ToList();
        start.Set();
        var returned = (await Task.WhenAll(tasks)).SelectMany(x => x).ToList();

        var stored = await trail.ReadAsync(study, 1, 1000, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, appenders * each).Select(i => (long)i), stored.Select(e => e.Sequence));
        // Every acknowledged append is in the chain exactly as it was returned, and nothing else is.
        Assert.Equal(returned.Select(e => e.Hash).Order(), stored.Select(e => e.Hash).Order());
        Assert.Equal(appenders, stored.Select(e => e.Actor).Distinct().Count());
        var verification = await trail.VerifyAsync(study, null, CancellationToken.None);
        Assert.True(verification.Intact, verification.Problem);
        Assert.Equal(appenders * each, verification.EventsChecked);
    }

    [Fact]
    public async Task ReadAsync_FromAndMax_PageThroughTheChainInOrder()
    {
        var (trail, _) = await TrailAsync();
        var study = Azurite.UniqueStudyId("audit-page");
        for (var i = 0; i < 7; i++) await trail.AppendAsync(study, Entry("lead-1", i), CancellationToken.None);

        var page = await trail.ReadAsync(study, 3, 2, CancellationToken.None);
        var rest = await trail.ReadAsync(study, 6, 100, CancellationToken.None);

        Assert.Equal([3L, 4L], page.Select(e => e.Sequence));
        Assert.Equal([6L, 7L], rest.Select(e => e.Sequence));
        Assert.Equal("item-2", page[0].TargetId);
        Assert.Equal("2", page[0].Details["n"]);
        Assert.Empty(await trail.ReadAsync(Azurite.UniqueStudyId("audit-none"), 1, 10, CancellationToken.None));
    }

    [Fact]
    public async Task VerifyAsync_EventEditedInTheTable_IsReportedAtThatEvent()
    {
        var (trail, table) = await TrailAsync();
        var study = Azurite.UniqueStudyId("audit-edit");
        for (var i = 0; i < 5; i++) await trail.AppendAsync(study, Entry("lead-1", i), CancellationToken.None);

        var row = (await table.GetEntityAsync<TableEntity>(study, "event|0000000000000000003")).Value;
        var edited = WorkflowJson.Deserialize<AuditEvent>(row.GetString("Payload")) with { Actor = "nobody" };
        row["Payload"] = WorkflowJson.Serialize(edited);
        await table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        var verification = await trail.VerifyAsync(study, null, CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Equal(3, verification.BrokenAt);
    }

    [Fact]
    public async Task VerifyAsync_LastEventDeletedFromTheTable_IsReported()
    {
        var (trail, table) = await TrailAsync();
        var study = Azurite.UniqueStudyId("audit-cut");
        for (var i = 0; i < 4; i++) await trail.AppendAsync(study, Entry("lead-1", i), CancellationToken.None);

        await table.DeleteEntityAsync(study, "event|0000000000000000004");

        var verification = await trail.VerifyAsync(study, null, CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Contains("removed from the end", verification.Problem);
    }

    [Fact]
    public async Task VerifyAsync_EventAddedWithoutTheHead_IsReported()
    {
        var (trail, table) = await TrailAsync();
        var study = Azurite.UniqueStudyId("audit-extra");
        AuditEvent last = null!;
        for (var i = 0; i < 3; i++) last = await trail.AppendAsync(study, Entry("lead-1", i), CancellationToken.None);

        // A well-formed next event written straight into the table, bypassing the head.
        var forged = AuditChain.Next(study, new AuditHead(last.Sequence, last.Hash), Entry("lead-1", 99), DateTimeOffset.UtcNow);
        await table.AddEntityAsync(new TableEntity(study, "event|0000000000000000004") { ["Payload"] = WorkflowJson.Serialize(forged) });

        var verification = await trail.VerifyAsync(study, null, CancellationToken.None);
        Assert.False(verification.Intact);
        Assert.Equal(4, verification.EventsChecked);
    }

    [Fact]
    public async Task VerifyAsync_AnchorFromEarlier_HoldsWhileTheChainGrows()
    {
        var (trail, _) = await TrailAsync();
        var study = Azurite.UniqueStudyId("audit-anchor");
        var anchor = await trail.AppendAsync(study, Entry("lead-1", 0), CancellationToken.None);
        await trail.AppendAsync(study, Entry("lead-1", 1), CancellationToken.None);

        Assert.True((await trail.VerifyAsync(study, new AuditHead(anchor.Sequence, anchor.Hash), CancellationToken.None)).Intact);
        Assert.False((await trail.VerifyAsync(study, new AuditHead(anchor.Sequence, new string('f', 64)), CancellationToken.None)).Intact);
    }
}
