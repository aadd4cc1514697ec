using Workflow.Domain.Verification;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>
/// The verification queue on the real Table service (Azurite): idempotent enqueueing, leases that
/// never hand one item to two coders, and decisions guarded by ETags. Time is passed in as
/// <c>now</c>, so lease expiry is simulated rather than waited for.
/// </summary>
public class VerificationQueueTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task EnqueueAsync_SameItemsTwice_StoresOneRowEach()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-enq");
        var recording = NewRecordingId();
        // More than one 100-row transaction, so the per-row fallback runs for both chunks on the second call.
        var items = Suggestions(study, recording, 150);

        await queue.EnqueueAsync(items, CancellationToken.None);
        await queue.EnqueueAsync(items, CancellationToken.None);

        var stored = await queue.ListAsync(study, recording, CancellationToken.None);
        Assert.Equal(150, stored.Count);
        Assert.Equal(items.Select(i => i.Id).Order(StringComparer.Ordinal), stored.Select(i => i.Id).Order(StringComparer.Ordinal));
        Assert.All(stored, i => Assert.Equal(VerificationItemStatus.Pending, i.Status));
    }

    [Fact]
    public async Task EnqueueAsync_DuplicateIdsInOneCall_StoresOneRow()
    {
        // An engine proposing the same code for a segment twice yields the same item id twice.
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-twice");
        var recording = NewRecordingId();
        var item = Suggestion(study, recording, "c1-s1-not-heard");

        await queue.EnqueueAsync([item, item, Suggestion(study, recording, "c1-s2-not-heard")], CancellationToken.None);

        Assert.Equal(["c1-s1-not-heard", "c1-s2-not-heard"],
            (await queue.ListAsync(study, recording, CancellationToken.None)).Select(i => i.Id.Split('~')[2]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task EnqueueAsync_AgainAfterADecision_KeepsTheDecisionAndTheClaim()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-redo");
        var recording = NewRecordingId();
        var items = Suggestions(study, recording, 3);
        await queue.EnqueueAsync(items, CancellationToken.None);

        var claimed = await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None);
        Assert.Equal(items[0].Id, claimed?.Id);
        var (first, etag) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        Assert.True(await queue.TryDecideAsync(first!, etag, Decision("ann", DecisionAction.Reject), CancellationToken.None));
        var held = await queue.ClaimNextAsync(study, "bob", Lease, T0, CancellationToken.None);
        Assert.Equal(items[1].Id, held?.Id);

        // The enqueuing activity re-runs (replay after a crash) with fresh, pending copies of the same items.
        await queue.EnqueueAsync(items, CancellationToken.None);

        var stored = (await queue.ListAsync(study, recording, CancellationToken.None)).ToDictionary(i => i.Id);
        Assert.Equal(3, stored.Count);
        Assert.Equal(VerificationItemStatus.Decided, stored[items[0].Id].Status);
        Assert.Equal(DecisionAction.Reject, stored[items[0].Id].Decision?.Action);
        Assert.Equal("ann", stored[items[0].Id].Decision?.DecidedBy);
        Assert.Equal("bob", stored[items[1].Id].ClaimedBy);
        Assert.Equal(VerificationItemStatus.Pending, stored[items[2].Id].Status);
        Assert.Null(stored[items[2].Id].ClaimedBy);
    }

    [Fact]
    public async Task ClaimNextAsync_TwentyCodersAtOnceOverTenItems_GivesEachItemToExactlyOneCoder()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-race");
        var recording = NewRecordingId();
        await queue.EnqueueAsync(Suggestions(study, recording, 10), CancellationToken.None);

        var coders = Enumerable.Range(0, 20).Select(i => $"coder-{i:D2}").ToList();
        var claims = await Task.WhenAll(coders.Select(coder => Task.Run(async () =>
            (Coder: coder, Item: await queue.ClaimNextAsync(study, coder, Lease, T0, CancellationToken.None)))));

        var granted = claims.Where(c => c.Item is not null).ToList();
        Assert.Equal(10, granted.Count);
        Assert.Equal(10, granted.Select(c => c.Item!.Id).Distinct().Count());
        Assert.All(granted, c => Assert.Equal(c.Coder, c.Item!.ClaimedBy));
        // What each coder was told matches what the table holds: no claim was silently overwritten.
        var stored = (await queue.ListAsync(study, recording, CancellationToken.None)).ToDictionary(i => i.Id);
        Assert.All(granted, c => Assert.Equal(c.Coder, stored[c.Item!.Id].ClaimedBy));
    }

    [Fact]
    public async Task ClaimNextAsync_TwoCodersClaimingConcurrently_NeverShareAnItem()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-pair");
        var recording = NewRecordingId();
        await queue.EnqueueAsync(Suggestions(study, recording, 10), CancellationToken.None);

        var calls = Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? "ann" : "bob").Select(coder => Task.Run(async () =>
            (Coder: coder, Item: await queue.ClaimNextAsync(study, coder, Lease, T0, CancellationToken.None)))).ToList();
        var claims = await Task.WhenAll(calls);

        var ann = claims.Where(c => c is { Coder: "ann", Item: not null }).Select(c => c.Item!.Id).ToHashSet();
        var bob = claims.Where(c => c is { Coder: "bob", Item: not null }).Select(c => c.Item!.Id).ToHashSet();
        Assert.NotEmpty(ann);
        Assert.NotEmpty(bob);
        Assert.Empty(ann.Intersect(bob));
        var stored = (await queue.ListAsync(study, recording, CancellationToken.None)).ToDictionary(i => i.Id);
        Assert.All(ann, id => Assert.Equal("ann", stored[id].ClaimedBy));
        Assert.All(bob, id => Assert.Equal("bob", stored[id].ClaimedBy));
    }

    [Fact]
    public async Task ClaimNextAsync_CoderClaimsAgain_GetsTheirOwnUnexpiredItemBeforeOlderOnes()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-own");
        var recording = NewRecordingId();
        var mine = Suggestion(study, recording, "c-mine", T0);
        await queue.EnqueueAsync([mine], CancellationToken.None);
        Assert.Equal(mine.Id, (await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None))?.Id);

        // An older item arrives while Ann works; she should still be handed back the one she holds.
        var older = Suggestion(study, recording, "c-older", T0.AddHours(-1));
        await queue.EnqueueAsync([older], CancellationToken.None);

        var again = await queue.ClaimNextAsync(study, "ann", Lease, T0.AddMinutes(2), CancellationToken.None);
        Assert.Equal(mine.Id, again?.Id);
        Assert.Equal(T0.AddMinutes(2) + Lease, again?.LeaseExpiresAt);
        Assert.Equal(older.Id, (await queue.ClaimNextAsync(study, "bob", Lease, T0.AddMinutes(2), CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task ClaimNextAsync_LeaseExpired_ItemGoesToAnotherCoder()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-lapse");
        var item = Suggestion(study, NewRecordingId(), "c1");
        await queue.EnqueueAsync([item], CancellationToken.None);
        Assert.Equal(item.Id, (await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None))?.Id);

        Assert.Null(await queue.ClaimNextAsync(study, "bob", Lease, T0 + Lease - TimeSpan.FromSeconds(1), CancellationToken.None));
        var taken = await queue.ClaimNextAsync(study, "bob", Lease, T0 + Lease, CancellationToken.None);

        Assert.Equal(item.Id, taken?.Id);
        Assert.Equal("bob", taken?.ClaimedBy);
        Assert.Equal("bob", (await queue.GetAsync(item.Id, CancellationToken.None)).Item?.ClaimedBy);
        // Ann's lapsed claim does not come back to her while Bob holds the item.
        Assert.Null(await queue.ClaimNextAsync(study, "ann", Lease, T0 + Lease + TimeSpan.FromMinutes(1), CancellationToken.None));
    }

    [Fact]
    public async Task TryDecideAsync_StaleETag_FailsAndLeavesTheItemPending()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-etag");
        var item = Suggestion(study, NewRecordingId(), "c1");
        await queue.EnqueueAsync([item], CancellationToken.None);
        var (read, staleETag) = await queue.GetAsync(item.Id, CancellationToken.None);

        // Another coder claims the item between Ann reading it and deciding.
        await queue.ClaimNextAsync(study, "bob", Lease, T0, CancellationToken.None);

        Assert.False(await queue.TryDecideAsync(read!, staleETag, Decision("ann"), CancellationToken.None));
        var (current, freshETag) = await queue.GetAsync(item.Id, CancellationToken.None);
        Assert.Equal(VerificationItemStatus.Pending, current?.Status);
        Assert.Null(current?.Decision);

        Assert.True(await queue.TryDecideAsync(current!, freshETag, Decision("bob", DecisionAction.Reject), CancellationToken.None));
        // The ETag Bob decided with is now stale too: a second decision cannot overwrite his.
        Assert.False(await queue.TryDecideAsync(current!, freshETag, Decision("ann"), CancellationToken.None));
        var decided = (await queue.GetAsync(item.Id, CancellationToken.None)).Item;
        Assert.Equal(VerificationItemStatus.Decided, decided?.Status);
        Assert.Equal("bob", decided?.Decision?.DecidedBy);
        Assert.Equal(DecisionAction.Reject, decided?.Decision?.Action);
        Assert.Null(decided?.LeaseExpiresAt);
    }

    [Fact]
    public async Task ClaimNextAsync_ClaimedDecidedAndSupersededItems_AreNotOffered()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-skip");
        var recording = NewRecordingId();
        var other = NewRecordingId();
        var toDecide = Suggestion(study, recording, "c-decided", T0);
        var toClaim = Redaction(study, recording, "r-claimed", T0.AddSeconds(1));
        var toSupersede = Suggestion(study, other, "c-superseded", T0.AddSeconds(2));
        await queue.EnqueueAsync([toDecide, toClaim], CancellationToken.None);
        await queue.EnqueueAsync([toSupersede], CancellationToken.None);

        var (decidable, etag) = await queue.GetAsync(toDecide.Id, CancellationToken.None);
        Assert.True(await queue.TryDecideAsync(decidable!, etag, Decision("ann"), CancellationToken.None));
        Assert.Equal(toClaim.Id, (await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None))?.Id);
        Assert.Equal(1, await queue.SupersedePendingAsync(study, other, VerificationItemKind.CodeSuggestion, CancellationToken.None));

        Assert.Null(await queue.ClaimNextAsync(study, "bob", Lease, T0, CancellationToken.None));
        // Long after any lease: decided and superseded items stay out of the queue for good.
        Assert.Equal(toClaim.Id, (await queue.ClaimNextAsync(study, "bob", Lease, T0.AddDays(1), CancellationToken.None))?.Id);
        Assert.Null(await queue.ClaimNextAsync(study, "cat", Lease, T0.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task SupersedePendingAsync_TouchesOnlyPendingItemsOfThatKindInThatRecording()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-sup");
        var recording = NewRecordingId();
        var neighbour = NewRecordingId();
        var pending = Suggestion(study, recording, "c-pending", T0);
        var claimed = Suggestion(study, recording, "c-claimed", T0.AddSeconds(1));
        var decided = Suggestion(study, recording, "c-decided", T0.AddSeconds(2));
        var redaction = Redaction(study, recording, "r-pending", T0.AddSeconds(3));
        var elsewhere = Suggestion(study, neighbour, "c-elsewhere", T0.AddSeconds(4));
        await queue.EnqueueAsync([pending, claimed, decided, redaction], CancellationToken.None);
        await queue.EnqueueAsync([elsewhere], CancellationToken.None);
        var (toDecide, etag) = await queue.GetAsync(decided.Id, CancellationToken.None);
        Assert.True(await queue.TryDecideAsync(toDecide!, etag, Decision("ann"), CancellationToken.None));
        Assert.Equal(pending.Id, (await queue.ClaimNextAsync(study, "bob", Lease, T0, CancellationToken.None))?.Id);
        Assert.Equal(claimed.Id, (await queue.ClaimNextAsync(study, "cat", Lease, T0, CancellationToken.None))?.Id);

        var count = await queue.SupersedePendingAsync(study, recording, VerificationItemKind.CodeSuggestion, CancellationToken.None);

        Assert.Equal(2, count);
        var stored = (await queue.ListAsync(study, recording, CancellationToken.None)).ToDictionary(i => i.Id, i => i.Status);
        Assert.Equal(VerificationItemStatus.Superseded, stored[pending.Id]);
        Assert.Equal(VerificationItemStatus.Superseded, stored[claimed.Id]);
        Assert.Equal(VerificationItemStatus.Decided, stored[decided.Id]);
        Assert.Equal(VerificationItemStatus.Pending, stored[redaction.Id]);
        Assert.Equal(VerificationItemStatus.Pending, (await queue.GetAsync(elsewhere.Id, CancellationToken.None)).Item?.Status);
        Assert.Equal(0, await queue.SupersedePendingAsync(study, recording, VerificationItemKind.CodeSuggestion, CancellationToken.None));
    }

    [Fact]
    public async Task ListAsync_ReturnsEveryItemOfTheRecordingWhateverItsStatus()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-list");
        var recording = NewRecordingId();
        var items = Suggestions(study, recording, 3).Append(Redaction(study, recording, "r1", T0.AddSeconds(9))).ToList();
        await queue.EnqueueAsync(items, CancellationToken.None);
        await queue.EnqueueAsync([Suggestion(study, NewRecordingId(), "c-other", T0.AddHours(1))], CancellationToken.None);
        var (first, etag) = await queue.GetAsync(items[0].Id, CancellationToken.None);
        Assert.True(await queue.TryDecideAsync(first!, etag, Decision("ann"), CancellationToken.None));
        Assert.Equal(items[1].Id, (await queue.ClaimNextAsync(study, "bob", Lease, T0, CancellationToken.None))?.Id);
        await queue.SupersedePendingAsync(study, recording, VerificationItemKind.Redaction, CancellationToken.None);

        var listed = await queue.ListAsync(study, recording, CancellationToken.None);

        Assert.Equal(items.Select(i => i.Id).Order(StringComparer.Ordinal), listed.Select(i => i.Id).Order(StringComparer.Ordinal));
        var byId = listed.ToDictionary(i => i.Id);
        Assert.Equal(VerificationItemStatus.Decided, byId[items[0].Id].Status);
        Assert.Equal("bob", byId[items[1].Id].ClaimedBy);
        Assert.Equal(VerificationItemStatus.Pending, byId[items[2].Id].Status);
        Assert.Equal(VerificationItemStatus.Superseded, byId[items[3].Id].Status);
        Assert.Equal("Dr Penhale", byId[items[3].Id].OriginalText);
    }

    [Fact]
    public async Task ClaimNextAsync_ItemsOfAnotherStudy_AreNeverOffered()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-mine");
        var otherStudy = Azurite.UniqueStudyId("vq-theirs");
        var recording = NewRecordingId();
        await queue.EnqueueAsync(Suggestions(otherStudy, recording, 3), CancellationToken.None);

        Assert.Null(await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None));
        Assert.Empty(await queue.ListAsync(study, recording, CancellationToken.None));
        Assert.All(await queue.ListAsync(otherStudy, recording, CancellationToken.None), i => Assert.Null(i.ClaimedBy));
        Assert.NotNull(await queue.ClaimNextAsync(otherStudy, "ann", Lease, T0, CancellationToken.None));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-separator")]
    [InlineData("study-a~rec-x")]
    [InlineData("~rec-x~row")]
    [InlineData("study-a~~row")]
    [InlineData("study-a~rec-x~")]
    [InlineData("study-a~rec-x~row/with/slashes")]
    [InlineData("study-a~rec-x~row\\with\\backslashes")]
    [InlineData("study-a~rec-x~row#hash")]
    [InlineData("study-a~rec-x~row?query")]
    [InlineData("study-a~rec-x~row|pipe")]
    [InlineData("study/a~rec-x~row")]
    [InlineData("study-a~rec/x~row")]
    [InlineData("study-a~rec\\x~row")]
    [InlineData("study-a~rec#x~row")]
    [InlineData("study-a~rec?x~row")]
    [InlineData("study-a~rec|x~row")]
    [InlineData("study'a~rec'x~row'")]
    [InlineData("study-a~rec-x~row\u0001control")]
    [InlineData("study-a~rec-x~rec-y~row")]
    public async Task GetAsync_MalformedOrUnknownId_ReturnsNullWithoutThrowing(string itemId)
    {
        var queue = (await Azurite.StoresAsync()).Verification;

        var (item, _) = await queue.GetAsync(itemId, CancellationToken.None);

        Assert.Null(item);
    }

    [Fact]
    public async Task GetAsync_OversizedId_ReturnsNullWithoutThrowing()
    {
        var queue = (await Azurite.StoresAsync()).Verification;

        var (item, _) = await queue.GetAsync("study-a~" + NewRecordingId() + "~" + new string('x', 2000), CancellationToken.None);

        Assert.Null(item);
    }

    [Fact]
    public async Task ClaimNextAsync_FiftyCodersWorkingOff130Items_NeverShareAnItemAndDecideEveryOne()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-fifty");
        var recordings = Enumerable.Range(0, 5).Select(_ => NewRecordingId()).ToList();
        var items = recordings.SelectMany(r => Suggestions(study, r, 26)).ToList();
        foreach (var r in recordings) await queue.EnqueueAsync(items.Where(i => i.RecordingId == r).ToList(), CancellationToken.None);
        var granted = new System.Collections.Concurrent.ConcurrentBag<(string Coder, string ItemId)>();

        await Task.WhenAll(Enumerable.Range(0, 50).Select(n => Task.Run(async () =>
        {
            var coder = $"coder-{n:D2}";
            while (await queue.ClaimNextAsync(study, coder, Lease, T0, CancellationToken.None) is { } claimed)
            {
                granted.Add((coder, claimed.Id));
                var (current, etag) = await queue.GetAsync(claimed.Id, CancellationToken.None);
                Assert.Equal(coder, current?.ClaimedBy);
                Assert.True(await queue.TryDecideAsync(current!, etag, Decision(coder), CancellationToken.None));
            }
        })));

        Assert.Equal(130, granted.Count);
        Assert.Equal(130, granted.Select(g => g.ItemId).Distinct().Count());
        foreach (var r in recordings)
        {
            var stored = await queue.ListAsync(study, r, CancellationToken.None);
            Assert.All(stored, i => Assert.Equal(VerificationItemStatus.Decided, i.Status));
            Assert.All(stored, i => Assert.Equal(granted.Single(g => g.ItemId == i.Id).Coder, i.Decision?.DecidedBy));
        }
        Assert.Null(await queue.ClaimNextAsync(study, "late", Lease, T0.AddDays(1), CancellationToken.None));
    }

    [Fact]
    public async Task ClaimNextAsync_OffersByPriorityThenAge()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-order");
        var first = NewRecordingId();
        var second = NewRecordingId();
        var urgentButNew = Suggestion(study, second, "c-urgent", T0.AddHours(2)) with { Priority = 10 };
        var oldest = Suggestion(study, second, "c-oldest", T0.AddHours(-3));
        var middle = Suggestion(study, first, "c-middle", T0);
        var lowButOld = Suggestion(study, first, "c-low", T0.AddHours(-5)) with { Priority = 500 };
        await queue.EnqueueAsync([middle, lowButOld], CancellationToken.None);
        await queue.EnqueueAsync([urgentButNew, oldest], CancellationToken.None);

        var order = new List<string?>();
        for (var i = 0; i < 4; i++) order.Add((await queue.ClaimNextAsync(study, $"coder-{i}", Lease, T0, CancellationToken.None))?.Id);

        Assert.Equal([urgentButNew.Id, oldest.Id, middle.Id, lowButOld.Id], order);
        Assert.Equal(10, (await queue.GetAsync(urgentButNew.Id, CancellationToken.None)).Item?.Priority);
    }

    [Fact]
    public async Task SupersedePendingAsync_RemovesTheItemsFromTheQueueForGood()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-gone");
        var recording = NewRecordingId();
        await queue.EnqueueAsync(Suggestions(study, recording, 3), CancellationToken.None);
        Assert.NotNull(await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None));

        Assert.Equal(3, await queue.SupersedePendingAsync(study, recording, VerificationItemKind.CodeSuggestion, CancellationToken.None));

        // Neither the unclaimed items nor Ann's own claim come back, however late.
        Assert.Null(await queue.ClaimNextAsync(study, "ann", Lease, T0.AddMinutes(1), CancellationToken.None));
        Assert.Null(await queue.ClaimNextAsync(study, "bob", Lease, T0.AddDays(1), CancellationToken.None));
        // A re-run of the enqueuing activity does not bring them back either.
        await queue.EnqueueAsync(Suggestions(study, recording, 3), CancellationToken.None);
        Assert.Null(await queue.ClaimNextAsync(study, "bob", Lease, T0.AddDays(1), CancellationToken.None));
        Assert.All(await queue.ListAsync(study, recording, CancellationToken.None), i => Assert.Equal(VerificationItemStatus.Superseded, i.Status));
    }

    [Fact]
    public async Task ListAsync_GivesEachRecordingsProgressFromItsOwnItemsOnly()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-progress");
        var recording = NewRecordingId();
        var neighbour = NewRecordingId();
        var items = Suggestions(study, recording, 4);
        await queue.EnqueueAsync(items, CancellationToken.None);
        await queue.EnqueueAsync(Suggestions(study, neighbour, 6), CancellationToken.None);
        foreach (var item in items.Take(2))
        {
            var (current, etag) = await queue.GetAsync(item.Id, CancellationToken.None);
            Assert.True(await queue.TryDecideAsync(current!, etag, Decision("ann"), CancellationToken.None));
        }
        await queue.SupersedePendingAsync(study, recording, VerificationItemKind.Redaction, CancellationToken.None);

        var progress = Workflow.Orchestrations.Activities.VerificationProgressReader.Of(await queue.ListAsync(study, recording, CancellationToken.None));
        var theirs = Workflow.Orchestrations.Activities.VerificationProgressReader.Of(await queue.ListAsync(study, neighbour, CancellationToken.None));

        Assert.Equal((2, 4), (progress.Decided, progress.Total));
        Assert.Equal((0, 6), (theirs.Decided, theirs.Total));
    }

    [Fact]
    public async Task TryDecideAsync_AfterAnotherCodersDecision_IsRefusedAndTheFirstDecisionStands()
    {
        var queue = (await Azurite.StoresAsync()).Verification;
        var study = Azurite.UniqueStudyId("vq-twice-decided");
        var item = Suggestion(study, NewRecordingId(), "c1");
        await queue.EnqueueAsync([item], CancellationToken.None);
        var claimed = await queue.ClaimNextAsync(study, "ann", Lease, T0, CancellationToken.None);
        var (annRead, annETag) = await queue.GetAsync(claimed!.Id, CancellationToken.None);
        var (leadRead, leadETag) = await queue.GetAsync(claimed.Id, CancellationToken.None);

        Assert.True(await queue.TryDecideAsync(leadRead!, leadETag, Decision("lead", DecisionAction.Reject), CancellationToken.None));
        Assert.False(await queue.TryDecideAsync(annRead!, annETag, Decision("ann"), CancellationToken.None));

        Assert.Equal("lead", (await queue.GetAsync(item.Id, CancellationToken.None)).Item?.Decision?.DecidedBy);
        Assert.Null(await queue.ClaimNextAsync(study, "ann", Lease, T0.AddSeconds(1), CancellationToken.None));
    }

    [Fact]
    public void StoredItemsWithoutAPriority_ReadAsTheDefaultPriority()
    {
        var json = Workflow.Domain.Serialization.WorkflowJson.Serialize(Suggestion("study-a", "rec-1", "c1"));
        var withoutPriority = System.Text.RegularExpressions.Regex.Replace(json, ",?\"priority\":\\d+", "");

        Assert.DoesNotContain("priority", withoutPriority);
        Assert.Equal(VerificationItem.DefaultPriority, Workflow.Domain.Serialization.WorkflowJson.Deserialize<VerificationItem>(withoutPriority).Priority);
    }
}
