namespace Workflow.Domain.Coding;

/// <summary>
/// Reliability data for a nominal variable: one row per unit, one column per rater, a category name
/// or null where that rater did not rate that unit (missing data). Every row has one entry per rater.
/// </summary>
public sealed record NominalRatings
{
    public NominalRatings(IReadOnlyList<IReadOnlyList<string?>> units, int raters)
    {
        ArgumentNullException.ThrowIfNull(units);
        ArgumentOutOfRangeException.ThrowIfLessThan(raters, 2);
        for (var i = 0; i < units.Count; i++)
            if (units[i].Count != raters) throw new ArgumentException($"Unit {i} has {units[i].Count} ratings; every unit needs one entry per rater ({raters}), null where missing.", nameof(units));
        Units = units;
        Raters = raters;
    }

    /// <summary>The ratings, unit by unit.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> Units { get; }

    /// <summary>How many raters there are (columns).</summary>
    public int Raters { get; }

    /// <summary>Rows of ratings, all of the same length.</summary>
    public static NominalRatings FromRows(params string?[][] rows) =>
        new(rows, rows.Length == 0 ? 2 : rows[0].Length);

    /// <summary>Two raters' binary decisions for one code: "1" applied, "0" not.</summary>
    public static NominalRatings Binary(IEnumerable<(bool First, bool Second)> units) =>
        new(units.Select(u => (IReadOnlyList<string?>)[u.First ? "1" : "0", u.Second ? "1" : "0"]).ToList(), 2);
}
