using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Workflow.Domain.Audit;
using Workflow.Domain.Serialization;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage.Configuration;

namespace Workflow.Integration.Tests.EndToEnd;

// Part of CommandLineEndToEndTests, so it shares that class's runner rather than starting another.
public sealed partial class CommandLineEndToEndTests
{
    /// <summary>
    /// <c>workflow audit verify</c> and <c>audit list</c> as a process against the runner, with the
    /// audit rows changed in Azurite behind the API's back: an edited event fails the check naming its
    /// sequence (exit 3); a chain rebuilt after the edit verifies again on its own, but not through the
    /// head noted before (exit 4).
    /// </summary>
    [Fact]
    public async Task AuditVerify_SeesAnEventEditedInTheTable_AndAChainRebuiltPastTheNotedHead()
    {
        var study = Azurite.UniqueStudyId("cli-audit");
        // Study created (1), its creator made lead (2), then three members added (3-5): five events.
        await fixture.Api.CreateStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, "cli-lead", "Lead");
        await fixture.Api.AddMemberAsync(study, "coder-a", "Coder");
        await fixture.Api.AddMemberAsync(study, "coder-b", "Coder", "Interviewer");

        var intact = await Workflow("audit", "verify", "--study", study);
        Assert.True(intact.ExitCode == 0, intact.ToString());
        Assert.Contains($"audit trail of {study}: intact, 5 event(s).", intact.Out);
        var noted = HeadLine().Match(intact.Out);
        Assert.True(noted.Success, intact.ToString());
        Assert.Equal("5", noted.Groups["sequence"].Value);
        var head = $"5:{noted.Groups["hash"].Value}";

        var list = await Workflow("audit", "list", "--study", study);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Matches(@"(?m)^\s+4  \S+ \S+  local-developer  MembershipChanged  coder-a  from=127\.0\.0\.1 roles=Coder$", list.Out);
        Assert.Contains("5 event(s) shown.", list.Out);

        // Someone with write access to the table changes who made event 4.
        var table = new TableClient(Azurite.ConnectionString, StorageNames.AuditTable);
        var events = new List<(TableEntity Row, AuditEvent Event)>();
        // Event rows only ("event|..."); the head row sorts after them.
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {study} and RowKey gt {"event|"} and RowKey lt {"event}"}")))
            events.Add((row, WorkflowJson.Deserialize<AuditEvent>(row.GetString("Payload"))));
        Assert.Equal([1L, 2L, 3L, 4L, 5L], events.Select(e => e.Event.Sequence));
        var edited = events[3].Event with { Actor = "cli-lead" };
        await ReplacePayloadAsync(table, events[3].Row, edited);

        var broken = await Workflow("audit", "verify", "--study", study, "--since-head", head);
        Assert.True(broken.ExitCode == 3, broken.ToString());
        Assert.Contains("error: the audit trail is broken at event 4: event 4 was changed after it was recorded", broken.Err);
        Assert.Contains("BROKEN at event 4; 3 event(s) verified before it", broken.Out);
        var listed = await Workflow("audit", "list", "--study", study);
        Assert.True(listed.ExitCode == 3, listed.ToString());
        Assert.Contains("broken at event 4", listed.Err);

        // A thorough forger recomputes every hash from the edit on, and the head: the links hold again...
        var rehashed4 = edited with { Hash = AuditChain.HashOf(edited) };
        var moved5 = events[4].Event with { PreviousHash = rehashed4.Hash };
        var rehashed5 = moved5 with { Hash = AuditChain.HashOf(moved5) };
        await ReplacePayloadAsync(table, events[3].Row, rehashed4);
        await ReplacePayloadAsync(table, events[4].Row, rehashed5);
        var headRow = (await table.GetEntityAsync<TableEntity>(study, "head")).Value;
        headRow["Hash"] = rehashed5.Hash;
        await table.UpdateEntityAsync(headRow, headRow.ETag, TableUpdateMode.Replace);

        var rebuilt = await Workflow("audit", "verify", "--study", study);
        Assert.True(rebuilt.ExitCode == 0, rebuilt.ToString());
        // ...but not through the head written down before the edit.
        var anchored = await Workflow("audit", "verify", "--study", study, "--since-head", head);
        Assert.True(anchored.ExitCode == 4, anchored.ToString());
        Assert.Contains($"error: the remembered head {head} is not on the chain: event 5 is not the event the anchor recorded", anchored.Err);

        // A coder may not read the trail: the API's refusal is printed in words.
        await fixture.Api.AddMemberAsync(study, "cli-coder", "Coder");
        var refused = await CliProcess.RunAsync(CommandTimeout, "audit", "verify", "--study", study, "--api", fixture.Runner.BaseAddress.ToString(), "--user", "cli-coder", "--roles", "Coder");
        Assert.True(refused.ExitCode == 1, refused.ToString());
        Assert.StartsWith("error: This needs one of the roles Lead in the study.", refused.Err);
    }

    private static async Task ReplacePayloadAsync(TableClient table, TableEntity row, AuditEvent changed)
    {
        var current = (await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey)).Value;
        current["Payload"] = WorkflowJson.Serialize(changed);
        await table.UpdateEntityAsync(current, current.ETag, TableUpdateMode.Replace);
    }

    [GeneratedRegex(@"^head: (?<sequence>\d+):(?<hash>[0-9a-f]{64})$", RegexOptions.Multiline)]
    private static partial Regex HeadLine();
}
