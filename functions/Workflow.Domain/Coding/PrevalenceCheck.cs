using System.Globalization;

namespace Workflow.Domain.Coding;

/// <summary>
/// When a code is too rare (or too common) for kappa to mean much. Kappa corrects for chance with
/// pe = pA pB + (1 - pA)(1 - pB); when prevalence is extreme pe approaches 1, so kappa is the ratio
/// of two small numbers: it can be low, even negative, while the raters agree on nearly every unit
/// (the "high agreement, low kappa" paradox; Feinstein and Cicchetti 1990, J Clin Epidemiol 43:543;
/// Gwet 2008, Br J Math Stat Psychol 61:29). With only a handful of positive units, one disagreement
/// more or less also swings it widely. The rule, applied to the mean of the two raters' counts:
/// <list type="bullet">
/// <item>fewer than <see cref="MinimumUnits"/> positive (or negative) units, or</item>
/// <item>prevalence below <see cref="MinimumPrevalence"/> (or above 1 minus it).</item>
/// </list>
/// Both thresholds are conventions, not theorems: five is the smallest expected cell count usually
/// asked of a 2x2 table, 5% the prevalence below which the paradox is commonly seen. Where the
/// warning shows, read percentage agreement and AC1 (which stays stable) beside kappa, and code more
/// material before drawing conclusions about that code.
/// </summary>
public static class PrevalenceCheck
{
    public const int MinimumUnits = 5;

    public const double MinimumPrevalence = 0.05;

    /// <summary>The warning for a table, or null when its prevalence leaves kappa meaningful.</summary>
    public static string? Warning(AgreementCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (counts.Prevalence is not { } prevalence) return "No units were coded.";
        var positives = prevalence * counts.Total;
        var negatives = counts.Total - positives;
        var percent = (prevalence * 100).ToString("0.#", CultureInfo.InvariantCulture);
        if (positives < MinimumUnits)
            return string.Create(CultureInfo.InvariantCulture, $"Too rare for kappa: applied to {positives:0.#} units on average (fewer than {MinimumUnits}).");
        if (prevalence < MinimumPrevalence)
            return string.Create(CultureInfo.InvariantCulture, $"Too rare for kappa: applied to {percent}% of units (under {MinimumPrevalence * 100:0}%).");
        if (negatives < MinimumUnits)
            return string.Create(CultureInfo.InvariantCulture, $"Too common for kappa: left off only {negatives:0.#} units on average (fewer than {MinimumUnits}).");
        if (prevalence > 1 - MinimumPrevalence)
            return string.Create(CultureInfo.InvariantCulture, $"Too common for kappa: applied to {percent}% of units (over {(1 - MinimumPrevalence) * 100:0}%).");
        return null;
    }
}
