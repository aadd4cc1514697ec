using Microsoft.AspNetCore.Http;
using Workflow.Api.Contracts;
using Workflow.Api.Endpoints;
using Workflow.Domain.Coding;
using Workflow.Storage;

namespace Workflow.Api.Handlers;

/// <summary>Leads see how far coders agree with the coding engine and, on double-coded segments, with each other.</summary>
public sealed class AgreementHandlers(StudyRepository studies, HumanMachineSampleReader samples, CodebookRepository codebooks)
{
    internal const string NoDoubleCodingYet =
        "No segment has been coded by two coders yet. A lead sets the share of segments to double-code " +
        "(PUT /api/studies/{studyId}/verification); recordings queued after that are coded twice, independently.";

    public async Task<IResult> GetAsync(ApiCall call)
    {
        var (studyId, ct) = (call.Route("studyId"), call.Cancellation);
        if (await studies.GetAsync(studyId, ct) is not { } study) return StudyHandlers.UnknownStudy(studyId);
        var codebook = await codebooks.GetCurrentAsync(studyId, ct);
        var codes = codebook?.ApplicableCodes.Select(c => c.Id).ToList() ?? [];

        var items = await samples.ReadItemsAsync(studyId, ct);
        var machine = HumanMachineSample.From(items);
        var humanMachine = Section(true, HumanMachineSample.Basis, ["coders", "engine"], machine.Compare(codes), machine.SegmentsAwaitingDecisions, codebook);
        var human = HumanHumanSample.From(items);
        var doubleCoded = human.Units.Count > 0 || human.SegmentsAwaitingDecisions > 0;
        var humanHuman = Section(doubleCoded, doubleCoded ? HumanHumanSample.Basis : NoDoubleCodingYet, ["first coder", "second coder"],
            human.Compare(codes), human.SegmentsAwaitingDecisions, codebook);
        return TypedResults.Ok(new AgreementResponse(studyId, codebook?.Version, humanMachine, humanHuman,
            study.VerificationSettings.DoubleCodingShare, human.ReconciliationsPending));
    }

    private static AgreementSection Section(bool available, string basis, IReadOnlyList<string> raters, AgreementReport report, int awaiting, Codebook? codebook)
    {
        if (!available) return new AgreementSection(false, basis, raters, 0, awaiting, null, null, []);
        var perCode = report.PerCode.Select(p => AgreementRow.From(p.Key, codebook?.Find(p.Key)?.Name, p.Value)).ToList();
        return new AgreementSection(available, basis, raters, report.Units, awaiting,
            AgreementRow.From("(pooled)", null, report.Micro),
            new AgreementMeans(Mean(perCode, r => r.PercentAgreement), report.MeanKappa, Mean(perCode, r => r.KrippendorffAlpha), report.MeanAc1),
            perCode);
    }

    private static double? Mean(IEnumerable<AgreementRow> rows, Func<AgreementRow, double?> value)
    {
        var defined = rows.Select(value).Where(v => v.HasValue).Select(v => v!.Value).ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
