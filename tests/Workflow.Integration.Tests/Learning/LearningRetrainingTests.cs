using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Learning;
using Workflow.Domain.Ports;
using Workflow.Domain.Studies;
using Workflow.Integration.Tests.Infrastructure;
using Workflow.Orchestrations.Learning;
using Workflow.Storage;

namespace Workflow.Integration.Tests.Learning;

/// <summary>
/// The background retraining over real study and codebook tables (Azurite): which studies it retrains,
/// when it is due, and that one failing study does not stop the others. The learner is a recording
/// stand-in at its port, because what is under test is the schedule and the choice of studies, not training.
/// </summary>
public sealed class LearningRetrainingTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 8, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task OnePass_RefreshesEveryStudyThatCodesWithTheLearner_ByItsOwnChoiceOrTheHostDefault()
    {
        var stores = await Azurite.StoresAsync();
        var own = await StudyAsync(stores, "learned", withCodebook: true);
        var byDefault = await StudyAsync(stores, null, withCodebook: true);
        var keywords = await StudyAsync(stores, "keywords", withCodebook: true);
        var noCodebook = await StudyAsync(stores, "learned", withCodebook: false);
        var learner = new RecordingLearner(trainedStudies: [own]);
        var retraining = Retraining(stores, learner, hostDefault: "learned", new Clock(Start));

        var retrained = await retraining.RunOnceAsync(CancellationToken.None);

        Assert.Contains(own, learner.Refreshed);
        Assert.Contains(byDefault, learner.Refreshed);
        Assert.DoesNotContain(keywords, learner.Refreshed);
        Assert.DoesNotContain(noCodebook, learner.Refreshed);
        // Other tests' studies share these tables: count only this test's. Only "own" reports a training.
        Assert.True(retrained >= 1, $"retrained {retrained}");
        Assert.Equal(1, learner.Refreshed.Count(s => s == own));
    }

    [Fact]
    public async Task WithAnotherHostDefault_AStudyWithoutItsOwnChoice_IsLeftAlone()
    {
        var stores = await Azurite.StoresAsync();
        var byDefault = await StudyAsync(stores, null, withCodebook: true);
        var learner = new RecordingLearner([]);

        await Retraining(stores, learner, hostDefault: "keywords", new Clock(Start)).RunOnceAsync(CancellationToken.None);

        Assert.DoesNotContain(byDefault, learner.Refreshed);
    }

    [Fact]
    public async Task RunIfDue_RunsAtOnce_ThenNotUntilTheIntervalHasPassed()
    {
        var stores = await Azurite.StoresAsync();
        var study = await StudyAsync(stores, "learned", withCodebook: true);
        var learner = new RecordingLearner([]);
        var clock = new Clock(Start);
        var retraining = Retraining(stores, learner, hostDefault: "keywords", clock, TimeSpan.FromMinutes(5));

        await retraining.RunIfDueAsync(CancellationToken.None);
        clock.Now = Start.AddMinutes(4);
        await retraining.RunIfDueAsync(CancellationToken.None);
        Assert.Equal(1, learner.Refreshed.Count(s => s == study));

        clock.Now = Start.AddMinutes(5);
        await retraining.RunIfDueAsync(CancellationToken.None);
        Assert.Equal(2, learner.Refreshed.Count(s => s == study));
    }

    [Fact]
    public async Task AZeroInterval_OrAHostWithoutTheLearner_TurnsItOff()
    {
        var stores = await Azurite.StoresAsync();
        var study = await StudyAsync(stores, "learned", withCodebook: true);
        var learner = new RecordingLearner([]);

        var off = Retraining(stores, learner, "keywords", new Clock(Start), TimeSpan.Zero);
        var noLearner = new LearningRetraining(stores.Studies, stores.Codebooks, [], Engines("keywords"),
            Options.Create(new LearningRetrainingOptions()), new Clock(Start), NullLogger<LearningRetraining>.Instance);

        Assert.False(off.Enabled);
        Assert.False(noLearner.Enabled);
        Assert.Equal(0, await off.RunIfDueAsync(CancellationToken.None));
        Assert.Equal(0, await noLearner.RunIfDueAsync(CancellationToken.None));
        Assert.DoesNotContain(study, learner.Refreshed);
    }

    [Fact]
    public async Task AStudyWhoseRetrainingFails_DoesNotStopTheOthers()
    {
        var stores = await Azurite.StoresAsync();
        var failing = await StudyAsync(stores, "learned", withCodebook: true);
        var fine = await StudyAsync(stores, "learned", withCodebook: true);
        var learner = new RecordingLearner([fine], failing: failing);

        await Retraining(stores, learner, "keywords", new Clock(Start)).RunOnceAsync(CancellationToken.None);

        Assert.Contains(failing, learner.Refreshed);
        Assert.Contains(fine, learner.Refreshed);
    }

    private static LearningRetraining Retraining(TestStores stores, ICodingLearner learner, string hostDefault, TimeProvider time, TimeSpan? interval = null) =>
        new(stores.Studies, stores.Codebooks, [learner], Engines(hostDefault),
            Options.Create(new LearningRetrainingOptions { BackgroundInterval = interval ?? TimeSpan.FromMinutes(5) }), time, NullLogger<LearningRetraining>.Instance);

    private static EngineSelection Engines(string codingDefault) =>
        new(new ServiceCollectionProvider(), [], new EngineChoices("local", ["rules"], codingDefault));

    private static async Task<string> StudyAsync(TestStores stores, string? coding, bool withCodebook)
    {
        var id = Azurite.UniqueStudyId("relearn");
        var study = new Study(id, "Retraining study", [new Site("site-a", "Site A")], Start)
        {
            Engines = coding is null ? null : StudyEngineSettings.Default with { Coding = coding },
        };
        Assert.True(await stores.Studies.TryCreateAsync(study, CancellationToken.None));
        if (withCodebook)
            await stores.Codebooks.AddVersionAsync(id, new CodebookDraft("Codebook", [
                new CodebookEntry("t-access", null, 1, "Access", "Getting into services."),
                new CodebookEntry("c-waiting", "t-access", 2, "Waiting lists", "Waiting for treatment."),
            ]), CancellationToken.None);
        return id;
    }

    /// <summary>Records the studies whose codebook it was asked to refresh; "trains" for some, throws for one.</summary>
    private sealed class RecordingLearner(IReadOnlyCollection<string> trainedStudies, string? failing = null) : ICodingLearner
    {
        private readonly ConcurrentQueue<string> _refreshed = new();

        public IReadOnlyList<string> Refreshed => [.. _refreshed];

        public Task<bool> RefreshAsync(Codebook codebook, CancellationToken cancellationToken)
        {
            _refreshed.Enqueue(codebook.StudyId);
            if (codebook.StudyId == failing) throw new InvalidOperationException("training failed");
            return Task.FromResult(trainedStudies.Contains(codebook.StudyId));
        }

        public Task<LearningReport> ReportAsync(Codebook codebook, CancellationToken cancellationToken) =>
            throw new NotSupportedException("the background pass never asks for a report");
    }

    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class ServiceCollectionProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}
