using System.Globalization;
using Workflow.Cli.Api;

namespace Workflow.Cli.Commands;

/// <summary>
/// <c>workflow audit verify --study S [--since-head SEQ:HASH]</c>: has the host walk the study's audit
/// chain and prints its length, head and verdict; <c>workflow audit list --study S</c> prints the events.
/// Exit codes beyond the usual ones, so a scheduled check can tell them apart: <see cref="ChainBroken"/>
/// when a link is broken, <see cref="HeadNotOnChain"/> when the chain links up but no longer passes
/// through the head written down earlier (it was rebuilt after an edit).
/// </summary>
internal static class AuditCommand
{
    public const string Usage = "workflow audit verify --study S [--since-head SEQ:HASH] [--api URL] [identity]\n"
        + "       workflow audit list --study S [--from N] [--max N] [--api URL] [identity]";

    /// <summary>The chain has a broken link (an event edited, removed, inserted or reordered, or cut off the end).</summary>
    public const int ChainBroken = 3;

    /// <summary>Every link holds, but the remembered head is not on the chain.</summary>
    public const int HeadNotOnChain = 4;

    // The host's largest page; a longer listing follows the pages.
    private const int PageSize = 1000;

    private static readonly string[] VerifyOptions = [.. ApiConnection.Options, "--study", "--since-head"];
    private static readonly string[] ListOptions = [.. ApiConnection.Options, "--study", "--from", "--max"];

    public static Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var list = args.ToList();
        return list.FirstOrDefault() switch
        {
            "verify" => VerifyAsync(list.Skip(1), cli),
            "list" => ListAsync(list.Skip(1), cli),
            null => throw new UsageException("audit needs verify or list."),
            var other => throw new UsageException($"unknown audit command '{other}'; use verify or list."),
        };
    }

    private static async Task<int> VerifyAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = Arguments.Parse(args, VerifyOptions);
        if (a.Positional.Count > 0) throw new UsageException($"audit verify takes no positional arguments ('{a.Positional[0]}').");
        var study = a.Required("--study");
        var anchor = a.Option("--since-head") is { } head ? AuditAnchor.Parse(head) : null;
        var connection = ApiConnection.From(a.Option, cli.Environment);

        using var api = cli.Client(connection);
        var result = (await api.VerifyAuditAsync(study, anchor, cli.Cancellation)).Chain;
        if (result.Intact)
        {
            await cli.Out.WriteLineAsync($"audit trail of {study}: intact, {result.EventsChecked} event(s).");
            await cli.Out.WriteLineAsync($"head: {Head(result)}");
            if (anchor is not null) await cli.Out.WriteLineAsync($"passes through the remembered head {anchor}.");
            // Written down (outside the identifiable account), the head lets a later check catch a rebuilt chain.
            if (result.HeadSequence > 0) await cli.Out.WriteLineAsync($"next time: workflow audit verify --study {study} --since-head {Head(result)}");
            return 0;
        }

        // The anchored walk fails both for a broken link and for a rebuilt chain; the walk without the
        // anchor tells the two apart, and names the first broken link if there is one.
        var plain = anchor is null ? result : (await api.VerifyAuditAsync(study, null, cli.Cancellation)).Chain;
        if (plain.Intact)
        {
            await cli.Out.WriteLineAsync($"audit trail of {study}: every link holds, {plain.EventsChecked} event(s); head: {Head(plain)}");
            await cli.Error.WriteLineAsync($"error: the remembered head {anchor} is not on the chain: {result.Problem}");
            return HeadNotOnChain;
        }
        await cli.Out.WriteLineAsync($"audit trail of {study}: BROKEN at event {plain.BrokenAt}; {plain.EventsChecked} event(s) verified before it; last good head: {Head(plain)}");
        await cli.Error.WriteLineAsync($"error: the audit trail is broken at event {plain.BrokenAt}: {plain.Problem}");
        return ChainBroken;
    }

    private static async Task<int> ListAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = Arguments.Parse(args, ListOptions);
        if (a.Positional.Count > 0) throw new UsageException($"audit list takes no positional arguments ('{a.Positional[0]}').");
        var study = a.Required("--study");
        long from = a.Integer("--from", min: 1) ?? 1;
        var remaining = a.Integer("--max", min: 1) ?? int.MaxValue;
        var connection = ApiConnection.From(a.Option, cli.Environment);

        using var api = cli.Client(connection);
        AuditPage page;
        var shown = 0;
        while (true)
        {
            var size = Math.Min(PageSize, remaining - shown);
            page = await api.AuditPageAsync(study, from, size, cli.Cancellation);
            foreach (var e in page.Events) await cli.Out.WriteLineAsync(Line(e));
            shown += page.Events.Count;
            // The host links a next page only after a full one.
            if (page.Next is null || page.Events.Count == 0 || shown >= remaining) break;
            from = page.Events[^1].Sequence + 1;
        }

        await cli.Out.WriteLineAsync($"{shown} event(s) shown.");
        if (page.Chain.Intact)
        {
            await cli.Out.WriteLineAsync($"chain: intact, head {Head(page.Chain)}");
            return 0;
        }
        await cli.Error.WriteLineAsync($"error: the audit trail is broken at event {page.Chain.BrokenAt}: {page.Chain.Problem}");
        return ChainBroken;
    }

    /// <summary>One event per line: sequence, UTC time, actor, action, target and details (all id-like tokens).</summary>
    internal static string Line(AuditEventView e)
    {
        var details = e.Details is { Count: > 0 } d ? "  " + string.Join(' ', d.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")) : "";
        return $"{e.Sequence,6}  {e.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)}  {e.Actor}  {e.Action}  {e.TargetId}{details}";
    }

    private static string Head(AuditChainResult chain) => $"{chain.HeadSequence}:{chain.HeadHash}";
}
