using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Learning;
using Workflow.Domain.Ports;
using Workflow.Engines.Local;
using Workflow.Engines.Semantic;

namespace Workflow.Engines.Semantic.Tests;

/// <summary>
/// The learning coder with the real model and the real keyword engine as its fallback; only the
/// study's decisions come from a list in memory (their storage adapter is tested on Azurite).
/// </summary>
public class LearnedCodingEngineTests
{
    private static readonly Codebook Book = new("study-l", 2, "Test", [
        new("care", null, 1, "Care", "Care."),
        new("waiting", "care", 2, "Waiting", "How long people waited for treatment.", Keywords: ["wait", "waiting"]),
        new("staff", "care", 2, "Staff", "What staff were like.", Keywords: ["staff", "nurse"]),
    ], DateTimeOffset.UnixEpoch);

    private sealed class Decisions(IReadOnlyList<CodingExample> examples) : ICodingExamples
    {
        public int Reads { get; private set; }

        public IReadOnlyList<CodingExample> Examples { get; set; } = examples;

        public Task<IReadOnlyList<CodingExample>> ForStudyAsync(string studyId, int max, CancellationToken cancellationToken)
        {
            Reads++;
            return Task.FromResult<IReadOnlyList<CodingExample>>(Examples.Take(max).ToList());
        }
    }

    /// <summary>The curve in memory, keyed by fingerprint as the table is (its storage is tested on Azurite).</summary>
    private sealed class Curve : ILearningCurve
    {
        public List<string> Offered { get; } = [];
        public Dictionary<string, LearningCurvePoint> Points { get; } = [];

        public Task<bool> AppendAsync(string studyId, string fingerprint, LearningCurvePoint point, CancellationToken cancellationToken)
        {
            Offered.Add(fingerprint);
            return Task.FromResult(Points.TryAdd(fingerprint, point));
        }

        public Task<IReadOnlyList<LearningCurvePoint>> ListAsync(string studyId, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<LearningCurvePoint>>(Points.Values.OrderBy(p => p.TrainedAt).ToList());
    }

    private sealed class Clock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = DateTimeOffset.UnixEpoch;
        public override DateTimeOffset GetUtcNow() => Now;
    }

    private static CodingExample Example(int i, string text, params string[] codes) =>
        new($"rec-{i % 3}/s{i}", new Segment($"s{i}", i, 0, text.Length, "P001", text, true), null, codes.ToHashSet(StringComparer.Ordinal));

    /// <summary>
    /// Twenty settled segments: coders applied "waiting" to the ones about delays (which rarely use the
    /// keyword), and never "staff" to the ones that only mention a nurse in passing.
    /// </summary>
    private static List<CodingExample> Settled()
    {
        string[] delays = ["Months went by before anyone rang me back.", "It took half a year to get a first appointment.",
            "We were told to come back next month, again.", "The referral sat for ages before it moved.",
            "Nobody could tell me when I would be seen.", "Three months until the assessment happened.",
            "The delay before treatment nearly finished me.", "Weeks and weeks before the first session.",
            "I was on the list for most of the year.", "It was a long time before they saw me."];
        string[] other = ["The nurse said the group meets on Tuesdays.", "I like the garden at the centre.",
            "My sister comes with me to the sessions.", "The nurse gave me a leaflet about the gym.",
            "The building is clean and bright.", "We talked about my family at the group.",
            "The nurse made tea for everyone.", "I go to the art class on Fridays.",
            "My key worker helped me with forms.", "The group was bigger than I expected."];
        return [.. delays.Select((t, i) => Example(i, t, "waiting")), .. other.Select((t, i) => Example(100 + i, t))];
    }

    private static (LearnedCodingEngine Engine, Decisions Decisions, Clock Clock) Build(IReadOnlyList<CodingExample> examples, string fallback = "keywords", Curve? curve = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Engines:Learned:Fallback"] = fallback }).Build();
        var decisions = new Decisions(examples);
        var clock = new Clock();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(clock).AddSingleton<ICodingExamples>(decisions)
            .AddSingleton<ILearningCurve>(curve ?? new Curve());
        services.AddLocalEngines(configuration).AddSemanticEngines(configuration);
        var provider = services.BuildServiceProvider();
        return ((LearnedCodingEngine)provider.GetRequiredKeyedService<ICodingEngine>(LearnedCodingEngine.EngineName), decisions, clock);
    }

    private static readonly Segment[] NewTranscript =
    [
        new("n1", 0, 0, 48, "P002", "It was the best part of a year before I got in.", true),
        new("n2", 1, 0, 38, "P002", "The staff there were brilliant with me.", true),
    ];

    [Fact]
    public async Task WithoutEnoughDecisions_TheFallbackProposesEverything_UnderItsOwnName()
    {
        var (engine, _, _) = Build(Settled().Take(6).ToList());

        var suggestions = await engine.SuggestAsync(NewTranscript, Book, CancellationToken.None);

        Assert.All(suggestions, s => Assert.Equal("keywords", s.Engine));
        Assert.Contains(suggestions, s => s is { SegmentId: "n2", CodeId: "staff" });
    }

    [Fact]
    public async Task ALearntCode_IsProposedByItsClassifier_WithEvidence_AndTheFallbackKeepsTheOthers()
    {
        var (engine, _, _) = Build(Settled());

        var suggestions = await engine.SuggestAsync(NewTranscript, Book, CancellationToken.None);

        // "waiting" is learnt from the delays (no keyword in the new segment); "staff" has no positives yet, so keywords propose it.
        var waiting = Assert.Single(suggestions, s => s.CodeId == "waiting");
        Assert.Equal(("n1", "learned", Book.Version), (waiting.SegmentId, waiting.Engine, waiting.CodebookVersion));
        Assert.Equal("learned/1+all-MiniLM-L6-v2+n20", waiting.EngineVersion);
        Assert.InRange(waiting.Confidence, 0.5, 1);
        Assert.Equal(NewTranscript[0].Text, waiting.Evidence.Text);
        var staff = Assert.Single(suggestions, s => s.CodeId == "staff");
        Assert.Equal(("n2", "keywords"), (staff.SegmentId, staff.Engine));
    }

    [Fact]
    public async Task Decisions_AreReadAgainOnlyAfterTheRefreshTime()
    {
        var (engine, decisions, clock) = Build(Settled());

        await engine.SuggestAsync(NewTranscript, Book, CancellationToken.None);
        await engine.SuggestAsync(NewTranscript, Book, CancellationToken.None);
        Assert.Equal(1, decisions.Reads);

        clock.Now += TimeSpan.FromMinutes(6);
        await engine.SuggestAsync(NewTranscript, Book, CancellationToken.None);
        Assert.Equal(2, decisions.Reads);
    }

    [Fact]
    public async Task AFallbackTheHostDoesNotOffer_IsAClearError_AndTheLearnerCannotBeItsOwnFallback()
    {
        var (engine, _, _) = Build(Settled(), fallback: "nope");

        var error = await Assert.ThrowsAsync<EngineUnavailableException>(() => engine.SuggestAsync(NewTranscript, Book, CancellationToken.None));
        Assert.Contains("'nope'", error.Message);
        var self = Assert.ThrowsAny<Exception>(() => Build(Settled(), fallback: "learned"));
        Assert.Contains("must name another coding engine", self.ToString());
    }

    [Fact]
    public void Confidence_PutsTheThresholdAtOneHalf()
    {
        Assert.Equal(0.5, LearnedCodingEngine.Confidence(0.3, 0.3), 10);
        Assert.Equal(1.0, LearnedCodingEngine.Confidence(1.0, 0.3), 10);
        Assert.Equal(0.75, LearnedCodingEngine.Confidence(0.65, 0.3), 10);
    }

    [Fact]
    public void Evidence_IsTheSentenceWhoseWordsWeighMost()
    {
        var weights = new float[LexicalFeatures.Buckets];
        foreach (var i in LexicalFeatures.Of("months").Indices) weights[i] = 2;
        var model = new LogisticModel([], weights, 0);
        const string text = "The staff were fine. It took months to start. We coped.";

        var evidence = LearnedCodingEngine.Evidence(text, model);

        Assert.Equal("It took months to start.", evidence.Text);
        Assert.Equal(evidence.Text, text[evidence.Start..evidence.End]);
    }

    [Fact]
    public async Task TheReport_ReadsTheDecisionsNow_EvenWithinTheRefreshTime()
    {
        var (engine, decisions, clock) = Build(Settled().Take(12).ToList());
        await engine.SuggestAsync(NewTranscript, Book, CancellationToken.None);

        decisions.Examples = Settled();
        clock.Now += TimeSpan.FromSeconds(10);

        Assert.Equal(20, (await engine.ReportAsync(Book, CancellationToken.None)).Point.Examples);
        Assert.Equal(2, decisions.Reads);
    }

    [Fact]
    public async Task TheReport_TrainsOnDemand_AndShowsWhatIsLearntAndWhatIsShort()
    {
        var (engine, decisions, _) = Build(Settled());

        var report = await engine.ReportAsync(Book, CancellationToken.None);

        Assert.Equal(1, decisions.Reads);
        Assert.Equal(("study-l", 2, 20), (report.StudyId, report.CodebookVersion, report.Point.Examples));
        var waiting = report.Codes.Single(c => c.CodeId == "waiting");
        Assert.Equal((10, 10, true), (waiting.Positives, waiting.Negatives, waiting.SwitchedOn));
        Assert.NotNull(waiting.Kappa);
        Assert.InRange(waiting.Threshold!.Value, 0, 1);
        var staff = report.Codes.Single(c => c.CodeId == "staff");
        Assert.Equal((0, 20, false, NotLearntReason.TooFewPositives), (staff.Positives, staff.Negatives, staff.SwitchedOn, staff.NotLearnt));
        Assert.Equal(waiting.Kappa, report.Point.MeanKappa);
        // The coding step uses what the report trained: no second read.
        await engine.SuggestAsync(NewTranscript, Book, CancellationToken.None);
        Assert.Equal(1, decisions.Reads);
    }

    [Fact]
    public async Task EachTraining_AddsOneCurvePoint_AndTheSameDecisionsTrainedAgain_EvenByARestartedHost_AddNone()
    {
        var curve = new Curve();
        var (engine, decisions, clock) = Build(Settled().Take(12).ToList(), curve: curve);

        await engine.SuggestAsync(NewTranscript, Book, CancellationToken.None);
        clock.Now += TimeSpan.FromMinutes(6);
        await engine.SuggestAsync(NewTranscript, Book, CancellationToken.None);
        Assert.Equal(2, decisions.Reads);
        Assert.Single(curve.Offered);

        decisions.Examples = Settled();
        Assert.True(await engine.RefreshAsync(Book, CancellationToken.None));
        Assert.Equal([12, 20], curve.Points.Values.Select(p => p.Examples));

        var (restarted, _, _) = Build(Settled(), curve: curve);
        await restarted.ReportAsync(Book, CancellationToken.None);
        Assert.Equal(curve.Offered[1], curve.Offered[2]);
        Assert.Equal(2, curve.Points.Count);
    }

    [Fact]
    public async Task Refresh_ReadsTheDecisionsEveryTime_ButRetrainsOnlyWhenTheyChanged()
    {
        var (engine, decisions, clock) = Build(Settled());

        Assert.True(await engine.RefreshAsync(Book, CancellationToken.None));
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.False(await engine.RefreshAsync(Book, CancellationToken.None));
        Assert.Equal(2, decisions.Reads);

        decisions.Examples = [.. Settled(), Example(200, "The wait for a bed was endless.", "waiting")];
        clock.Now += TimeSpan.FromSeconds(1);
        Assert.True(await engine.RefreshAsync(Book, CancellationToken.None));
        Assert.Equal(3, decisions.Reads);
        Assert.Equal(21, (await engine.ReportAsync(Book, CancellationToken.None)).Point.Examples);
    }
}
