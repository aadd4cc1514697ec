using Workflow.Domain.Coding;

namespace Workflow.Api.Contracts;

/// <summary>
/// Response of <c>GET /api/studies/{studyId}/agreement</c>: human-machine and human-human agreement per
/// code, the share of segments the study double-codes, and how many disagreements wait for a lead.
/// </summary>
public sealed record AgreementResponse(string StudyId, int? CodebookVersion, AgreementSection HumanMachine, AgreementSection HumanHuman,
    double DoubleCodingShare = 0, int ReconciliationsPending = 0);

/// <summary>
/// Agreement between two raters over a study's coded segments: the basis in words, how many segments
/// count, the pooled figures over every (segment, code) decision, the unweighted means of the per-code
/// figures that are defined, and each code's row.
/// </summary>
public sealed record AgreementSection(
    bool Available,
    string Basis,
    IReadOnlyList<string> Raters,
    int Units,
    int SegmentsAwaitingDecisions,
    AgreementRow? Pooled,
    AgreementMeans? MeanOverCodes,
    IReadOnlyList<AgreementRow> PerCode);

/// <summary>
/// One code's 2x2 table between the first and second rater and its coefficients (null where
/// undefined), with a warning when the code is too rare or too common for kappa to mean much.
/// </summary>
public sealed record AgreementRow(
    string CodeId,
    string? Name,
    int Units,
    int BothApplied,
    int OnlyFirstApplied,
    int OnlySecondApplied,
    int NeitherApplied,
    double? Prevalence,
    double? PercentAgreement,
    double? CohenKappa,
    double? KrippendorffAlpha,
    double? GwetAc1,
    string? Warning)
{
    public static AgreementRow From(string codeId, string? name, AgreementCounts c) => new(
        codeId, name, c.Total, c.TruePositives, c.FalseNegatives, c.FalsePositives, c.TrueNegatives,
        c.Prevalence, c.ObservedAgreement, c.Kappa, c.Alpha, c.Ac1, c.PrevalenceWarning);
}

/// <summary>Unweighted means of the per-code coefficients that are defined.</summary>
public sealed record AgreementMeans(double? PercentAgreement, double? CohenKappa, double? KrippendorffAlpha, double? GwetAc1);
