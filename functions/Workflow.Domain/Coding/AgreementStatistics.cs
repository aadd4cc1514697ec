namespace Workflow.Domain.Coding;

/// <summary>
/// The agreement coefficients for one set of reliability data. Each is null where it is undefined
/// (no pairable units; kappa when chance agreement is 1; alpha when only one category was ever used),
/// so an undefined figure is never shown as 0. Kappa is Cohen's, for two raters only.
/// </summary>
public sealed record AgreementStatistics(
    int Units,
    int PairableUnits,
    double? PercentAgreement,
    double? CohenKappa,
    double? KrippendorffAlpha,
    double? GwetAc1);
