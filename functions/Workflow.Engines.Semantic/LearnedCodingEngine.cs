using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Learning;
using Workflow.Domain.Ports;

namespace Workflow.Engines.Semantic;

/// <summary>
/// First-pass coding that learns from the study's coders. Every code with enough verified examples
/// (<see cref="LearnedCodingOptions.MinPositives"/>, <see cref="LearnedCodingOptions.MinNegatives"/>)
/// gets its own classifier (<see cref="CodeClassifierTrainer"/> on <see cref="SegmentFeaturizer"/>
/// features); the other codes are proposed by the fallback engine, whose suggestions keep its own
/// name and version, so a coder and the custody record always see who proposed what. The study's
/// decisions are read again at most every <see cref="LearnedCodingOptions.RefreshAfter"/>, and the
/// classifiers retrained only when they changed, so a batch re-code of a whole study trains once.
/// Each training adds a point to the study's <see cref="ILearningCurve"/> (once per fingerprint), and
/// <see cref="ICodingLearner"/> lets the lead's route and the background retraining reach the same
/// classifiers and the same one-at-a-time gate.
/// </summary>
public sealed class LearnedCodingEngine : ICodingEngine, ICodingLearner
{
    public const string EngineName = "learned";

    private const int MaxCachedFeatures = 50_000;

    private readonly ICodingExamples examples;
    private readonly ILearningCurve curve;
    private readonly IServiceProvider services;
    private readonly LearnedCodingOptions options;
    private readonly SemanticCodingOptions semantic;
    private readonly TimeProvider time;
    private readonly ILogger<LearnedCodingEngine> logger;
    private readonly ConcurrentDictionary<(string StudyId, int Version), Trained> trained = new();
    private readonly ConcurrentDictionary<string, FeatureVector> features = new(StringComparer.Ordinal);
    // Training is CPU-bound and takes seconds: one at a time per process keeps the host responsive.
    private readonly SemaphoreSlim training = new(1, 1);

    public LearnedCodingEngine(ICodingExamples examples, ILearningCurve curve, IServiceProvider services, IOptions<LearnedCodingOptions> options,
        IOptions<SemanticCodingOptions> semantic, TimeProvider time, ILogger<LearnedCodingEngine> logger)
    {
        var v = options.Value;
        if (string.Equals(v.Fallback, EngineName, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("Engines:Learned:Fallback must name another coding engine, not 'learned' itself.", nameof(options));
        if (v.MinPositives < 2 || v.MinNegatives < 2) throw new ArgumentOutOfRangeException(nameof(options), "MinPositives and MinNegatives must be at least 2.");
        if (v.MaxExamples < 1 || v.MaxCodesPerSegment < 1) throw new ArgumentOutOfRangeException(nameof(options), "MaxExamples and MaxCodesPerSegment must be at least 1.");
        (this.examples, this.curve, this.services, this.options, this.semantic, this.time, this.logger) = (examples, curve, services, v, semantic.Value, time, logger);
    }

    public string Name => EngineName;

    /// <summary>What the classifiers of a study and codebook version were trained on, when the decisions were last read, and the report of that training.</summary>
    private sealed record Trained(DateTimeOffset ReadAt, string Fingerprint, CodeClassifiers Classifiers, LearningReport Report);

    private ClassifierTraining Training => new(options.MinPositives, options.MinNegatives);

    public async Task<LearningReport> ReportAsync(Codebook codebook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        // Read now: a lead looking at the report has usually just seen decisions made, which the
        // coding step's RefreshAfter would hide for minutes. Unchanged decisions are not retrained.
        return (await TrainedAsync(codebook, force: true, cancellationToken)).Report;
    }

    public async Task<bool> RefreshAsync(Codebook codebook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(codebook);
        trained.TryGetValue((codebook.StudyId, codebook.Version), out var before);
        var after = await TrainedAsync(codebook, force: true, cancellationToken);
        return before is null || before.Fingerprint != after.Fingerprint;
    }

    public async Task<IReadOnlyList<CodeSuggestion>> SuggestAsync(IReadOnlyList<Segment> segments, Codebook codebook, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(segments);
        ArgumentNullException.ThrowIfNull(codebook);
        var fallback = services.GetKeyedService<ICodingEngine>(options.Fallback)
            ?? throw new EngineUnavailableException($"The learning coder's fallback engine '{options.Fallback}' (Engines:Learned:Fallback) is not offered by this host.");
        var classifiers = (await TrainedAsync(codebook, force: false, cancellationToken)).Classifiers;
        var proposed = await fallback.SuggestAsync(segments, codebook, cancellationToken);
        if (classifiers.ByCode.Count == 0) return proposed;

        var version = $"{EngineName}/1+{SharedSentenceEncoder.ModelName}+n{classifiers.Examples}";
        var vectors = await Task.Run(() => SegmentFeaturizer.Featurize(segments, semantic.ContextWeight, semantic.EncodeBatchSize, cancellationToken), cancellationToken);
        var learnt = new List<CodeSuggestion>();
        foreach (var segment in segments)
        {
            if (!vectors.TryGetValue(segment.Id, out var x)) continue;
            foreach (var classifier in classifiers.ByCode.Values)
            {
                var p = classifier.Model.Probability(x);
                if (p < classifier.Threshold) continue;
                learnt.Add(new CodeSuggestion(segment.Id, classifier.CodeId, Math.Round(Confidence(p, classifier.Threshold), 3),
                    Evidence(segment.Text, classifier.Model), EngineName, codebook.Version, version));
            }
        }
        // A learnt code is the classifier's call alone: the fallback's guesses for it are dropped.
        return learnt.Concat(proposed.Where(s => !classifiers.ByCode.ContainsKey(s.CodeId)))
            .GroupBy(s => s.SegmentId)
            .SelectMany(g => g.OrderByDescending(s => s.Confidence).ThenBy(s => s.CodeId, StringComparer.Ordinal).Take(options.MaxCodesPerSegment))
            .ToList();
    }

    /// <summary>The probability on a scale where the code's threshold is 0.5, so confidences of learnt codes compare with each other.</summary>
    internal static double Confidence(double probability, double threshold) =>
        threshold >= 1 ? 0.5 : 0.5 + 0.5 * Math.Clamp((probability - threshold) / (1 - threshold), 0, 1);

    /// <summary>The segment's sentence whose words weigh most for the code (the whole text when it has one sentence).</summary>
    internal static EvidenceSpan Evidence(string text, LogisticModel model)
    {
        var sentences = SentenceSplitter.Split(text);
        if (sentences.Count == 0) return new EvidenceSpan(0, text.Length, text);
        var best = sentences.MaxBy(s =>
        {
            var (indices, values) = LexicalFeatures.Of(text[s.Start..s.End]);
            return indices.Select((j, k) => model.SparseWeights[j] * values[k]).Sum();
        });
        return new EvidenceSpan(best.Start, best.End, text[best.Start..best.End]);
    }

    /// <summary>
    /// The study's classifiers, reading its decisions again when <paramref name="force"/>d or older than
    /// RefreshAfter, and retraining only when they changed (the fingerprint).
    /// </summary>
    private async Task<Trained> TrainedAsync(Codebook codebook, bool force, CancellationToken cancellationToken)
    {
        var key = (codebook.StudyId, codebook.Version);
        var now = time.GetUtcNow();
        if (!force && trained.TryGetValue(key, out var current) && now - current.ReadAt < options.RefreshAfter) return current;

        await training.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have read the decisions while this one waited at the gate.
            if (trained.TryGetValue(key, out current) && (force ? current.ReadAt > now : now - current.ReadAt < options.RefreshAfter)) return current;
            var read = await examples.ForStudyAsync(codebook.StudyId, options.MaxExamples, cancellationToken);
            var fingerprint = $"v{codebook.Version}-{Fingerprint(read)}";
            if (current is not null && current.Fingerprint == fingerprint) return trained[key] = current with { ReadAt = now };

            var classifiers = await Task.Run(() => Train(read, codebook, cancellationToken), cancellationToken);
            var report = LearningReport.From(codebook.StudyId, codebook.Version, classifiers, Training, now);
            // Ids and counts only: segment text and code names stay out of the log.
            logger.LogInformation("Learning coder for study {StudyId}, codebook v{Version}: {Examples} verified segments, {Codes} codes learnt, {Skipped} not yet",
                codebook.StudyId, codebook.Version, classifiers.Examples, classifiers.ByCode.Count, classifiers.Skipped.Count);
            await AppendToCurveAsync(codebook.StudyId, fingerprint, report.Point, cancellationToken);
            return trained[key] = new Trained(now, fingerprint, classifiers, report);
        }
        finally
        {
            training.Release();
        }
    }

    /// <summary>A curve point that cannot be stored is lost, not a reason to stop coding.</summary>
    private async Task AppendToCurveAsync(string studyId, string fingerprint, LearningCurvePoint point, CancellationToken cancellationToken)
    {
        try
        {
            await curve.AppendAsync(studyId, fingerprint, point, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Could not store the learning-curve point of study {StudyId} ({Error})", studyId, e.GetType().Name);
        }
    }

    private CodeClassifiers Train(IReadOnlyList<CodingExample> read, Codebook codebook, CancellationToken cancellationToken)
    {
        var missing = read.Where(e => !features.ContainsKey(FeatureKey(e))).ToList();
        if (missing.Count > 0)
        {
            // Each example with the turn before it, so the featurizer reads it as the engine will read new segments.
            var list = new List<Segment>(missing.Count * 2);
            foreach (var example in missing)
            {
                if (example.Before is { } before) list.Add(before with { Id = "before:" + example.Id, Codable = false });
                list.Add(example.Segment with { Id = example.Id, Codable = true });
                list.Add(new Segment("gap:" + example.Id, 0, 0, 0, "", "", false)); // no context leaks into the next example
            }
            var computed = SegmentFeaturizer.Featurize(list, semantic.ContextWeight, semantic.EncodeBatchSize, cancellationToken);
            if (features.Count + computed.Count > MaxCachedFeatures) features.Clear();
            foreach (var example in missing)
                if (computed.TryGetValue(example.Id, out var vector)) features[FeatureKey(example)] = vector;
        }
        var training = read.Where(e => features.ContainsKey(FeatureKey(e)))
            .Select(e => new TrainingExample(features[FeatureKey(e)], e.Codes)).ToList();
        return CodeClassifierTrainer.Train(training, codebook.ApplicableCodes.Select(c => c.Id), SegmentFeaturizer.Dimensions,
            Training);
    }

    /// <summary>The example's id and text: a re-segmented or re-de-identified segment is read again.</summary>
    private static string FeatureKey(CodingExample e) => e.Id + "\u0001" + Hash(e.Segment.Text + "\u0001" + e.Before?.Text);

    private static string Fingerprint(IReadOnlyList<CodingExample> read)
    {
        var text = new StringBuilder();
        foreach (var e in read) text.Append(FeatureKey(e)).Append('\u0002').AppendJoin(',', e.Codes.Order(StringComparer.Ordinal)).Append('\u0003');
        return Hash(text.ToString());
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
