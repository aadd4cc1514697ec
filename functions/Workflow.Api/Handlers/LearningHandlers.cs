using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Ports;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Leads see which codes the learning coder has learnt, how well out of fold, and the study's learning curve.</summary>
public sealed class LearningHandlers(StudyRepository studies, CodebookRepository codebooks, ILearningCurve curve, IEnumerable<ICodingLearner> learners)
{
    internal const string Trained = "Classifiers trained on the study's settled segments (every suggestion decided in the latest pass); " +
        "precision, recall, F1 and kappa are each classifier's out-of-fold calls against the coders' decisions.";
    internal const string NoCodebook = "The study has no codebook yet, so there is nothing to learn.";
    internal const string NotOffered = "This host does not offer the learning coder (engine 'learned').";

    private const string LearnedEngine = "learned";

    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is not { } study) return StudyHandlers.UnknownStudy(studyId);
        var usesLearner = string.Equals(study.EngineSettings.Coding, LearnedEngine, StringComparison.OrdinalIgnoreCase);
        var codebook = await codebooks.GetCurrentAsync(studyId, ct);
        var learner = learners.FirstOrDefault();
        if (codebook is null || learner is null)
            return TypedResults.Ok(new LearningResponse(studyId, codebook?.Version, usesLearner, learner is not null, learner is null ? NotOffered : NoCodebook,
                0, 0, null, [], await curve.ListAsync(studyId, ct)));

        // Trains on demand when this process has nothing, or the decisions changed since it trained (a
        // restarted host, a study that has not coded with the learner yet, decisions made since),
        // rather than answering "nothing learnt yet": that answer would be false whenever decisions
        // exist, and a lead deciding whether to switch the learner on needs the figures. It is bounded
        // (MaxExamples, the engine's one-training-at-a-time gate), unchanged decisions cost a read and
        // no training, and what it trains is what the next coding step uses, so the work is not wasted.
        var report = await learner.ReportAsync(codebook, ct);
        // Read after training, so a point the report's training added is on the curve.
        var points = await curve.ListAsync(studyId, ct);
        var rows = report.Codes.Select(c => LearningCodeRow.From(c, codebook.Find(c.CodeId)?.Name)).ToList();
        return TypedResults.Ok(new LearningResponse(studyId, codebook.Version, usesLearner, true, Trained,
            report.MinPositives, report.MinNegatives, report.Point, rows, points));
    }
}
