using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Coding;
using Workflow.Domain.Verification;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Leads see how far coders agree with the coding engine (and, once double coding exists, with each other).</summary>
public sealed class AgreementHandlers(StudyRepository studies, RecordingRepository recordings, VerificationQueue queue, CodebookRepository codebooks)
{
    internal const string HumanMachineBasis =
        "Coders' final codes against the engine's suggestions, over segments the engine proposed codes for and whose " +
        "suggestions are all decided (accepted, rejected or edited). Segments without suggestions were never shown to a " +
        "coder and are not counted, so this measures how far coders endorse the engine's proposals, not independent coding.";

    internal const string HumanHumanBasis =
        "Not available yet: every queue item is decided by one coder, so no segment has been coded independently by two. " +
        "This section fills in once double coding assigns a share of segments to a second coder.";

    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var codebook = await codebooks.GetCurrentAsync(studyId, ct);

        var items = new List<VerificationItem>();
        foreach (var recording in await recordings.ListByStudyAsync(studyId, ct))
            items.AddRange(await queue.ListAsync(studyId, recording.Id, ct));
        var sample = HumanMachineSample.From(items);

        // The current codebook's codes, so a code nobody used still shows (as agreed absences); codes of
        // earlier versions that coders or the engine used are kept too, rather than silently dropped.
        var codes = (codebook?.ApplicableCodes.Select(c => c.Id) ?? [])
            .Concat(sample.Units.SelectMany(u => u.Reference.Concat(u.Predicted)))
            .Distinct(StringComparer.Ordinal).ToList();
        var report = Agreement.Compare(sample.Units, codes);
        var perCode = report.PerCode.Select(p => AgreementRow.From(p.Key, codebook?.Find(p.Key)?.Name, p.Value)).ToList();
        var humanMachine = new AgreementSection(true, HumanMachineBasis, ["coders", "engine"], report.Units, sample.SegmentsAwaitingDecisions,
            AgreementRow.From("(pooled)", null, report.Micro),
            new AgreementMeans(Mean(perCode, r => r.PercentAgreement), report.MeanKappa, Mean(perCode, r => r.KrippendorffAlpha), report.MeanAc1),
            perCode);
        var humanHuman = new AgreementSection(false, HumanHumanBasis, ["first coder", "second coder"], 0, 0, null, null, []);
        return TypedResults.Ok(new AgreementResponse(studyId, codebook?.Version, humanMachine, humanHuman));
    }

    private static double? Mean(IEnumerable<AgreementRow> rows, Func<AgreementRow, double?> value)
    {
        var defined = rows.Select(value).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
