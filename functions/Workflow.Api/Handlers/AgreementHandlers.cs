using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Coding;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Leads see how far coders agree with the coding engine (and, once double coding exists, with each other).</summary>
public sealed class AgreementHandlers(StudyRepository studies, HumanMachineSampleReader samples, CodebookRepository codebooks)
{
    internal const string HumanHumanBasis =
        "Not available yet: every queue item is decided by one coder, so no segment has been coded independently by two. " +
        "This section fills in once double coding assigns a share of segments to a second coder.";

    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is null) return StudyHandlers.UnknownStudy(studyId);
        var codebook = await codebooks.GetCurrentAsync(studyId, ct);

        var sample = await samples.ReadAsync(studyId, ct);
        var report = sample.Compare(codebook?.ApplicableCodes.Select(c => c.Id) ?? []);
        var perCode = report.PerCode.Select(p => AgreementRow.From(p.Key, codebook?.Find(p.Key)?.Name, p.Value)).ToList();
        var humanMachine = new AgreementSection(true, HumanMachineSample.Basis, ["coders", "engine"], report.Units, sample.SegmentsAwaitingDecisions,
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
