namespace Workflow.Domain.Studies;

/// <summary>A qualitative study: the unit that owns sites, a codebook, an identifier list and a pseudonym registry.</summary>
public sealed record Study(string Id, string Name, IReadOnlyList<Site> Sites, DateTimeOffset CreatedAt)
{
    /// <summary>True when <paramref name="siteId"/> is one of the study's sites.</summary>
    public bool HasSite(string siteId) => Sites.Any(s => string.Equals(s.Id, siteId, StringComparison.OrdinalIgnoreCase));
}
