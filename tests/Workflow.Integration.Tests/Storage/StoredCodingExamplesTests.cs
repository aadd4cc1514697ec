using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Coding;
using Workflow.Domain.Ports;
using Workflow.Domain.Verification;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Storage;
using static Workflow.Integration.Tests.Storage.StorageSamples;

namespace Workflow.Integration.Tests.Storage;

/// <summary>The learning coder's training signal read from real storage (Azurite): decided segments only, with their text and the turn before.</summary>
public class StoredCodingExamplesTests
{
    private static readonly Segment[] Segments =
    [
        new("s0", 0, 0, 30, "Interviewer", "How long did you wait to start?", false),
        new("s1", 1, 0, 30, "P001", "Months. I nearly gave up on it.", true),
        new("s2", 2, 0, 26, "P001", "The nurse there was lovely.", true),
    ];

    private static VerificationItem Item(string study, string recording, string segment, string code, VerificationDecision? decision) =>
        Suggestion(study, recording, $"{code}-{segment}") with
        {
            Suggestion = new CodeSuggestion(segment, code, 0.7, new EvidenceSpan(0, 5, "Month"), "keywords", 1),
            Status = decision is null ? VerificationItemStatus.Pending : VerificationItemStatus.Decided,
            Decision = decision,
        };

    [Fact]
    public async Task DecidedSegments_AreExamples_WithTheCodersCodes_TheirTextAndTheTurnBefore_NewestRecordingFirst()
    {
        var stores = await Azurite.StoresAsync();
        var examples = stores.Services.GetRequiredService<ICodingExamples>();
        var study = Azurite.UniqueStudyId("learn");
        var older = Recording(study, T0);
        var newer = Recording(study, T0.AddDays(1));
        foreach (var recording in new[] { older, newer })
        {
            await stores.Recordings.TryCreateAsync(recording, default);
            await stores.Documents.SaveCodingAsync(study, new CodingRecord(recording.Id, 1, "keywords", Segments, []), default);
        }
        // Older: s1 accepted as waiting; s2's "staff" edited to "kindness". Newer: s1 rejected, s2 still pending.
        await stores.Verification.EnqueueAsync([
            Item(study, older.Id, "s1", "waiting", Decision("ann")),
            Item(study, older.Id, "s2", "staff", new VerificationDecision(DecisionAction.Edit, ["kindness"], null, "ann", T0.AddHours(1))),
            Item(study, newer.Id, "s1", "waiting", Decision("bob", DecisionAction.Reject)),
            Item(study, newer.Id, "s2", "staff", null),
        ], default);

        var read = await examples.ForStudyAsync(study, 10, default);

        Assert.Equal([$"{newer.Id}/s1", $"{older.Id}/s1", $"{older.Id}/s2"], read.Select(e => e.Id));
        Assert.Empty(read[0].Codes);
        Assert.Equal(["waiting"], read[1].Codes);
        Assert.Equal(["kindness"], read[2].Codes);
        Assert.Equal(("Months. I nearly gave up on it.", "How long did you wait to start?"), (read[1].Segment.Text, read[1].Before!.Text));
        Assert.Single(await examples.ForStudyAsync(study, 1, default));
    }
}
