using Workflow.Domain.Recordings;
using Workflow.Domain.Reprocessing;
using Workflow.Domain.Studies;

namespace Workflow.Api.Handlers;

/// <summary>What is wrong with a reprocess request against the study as it is; empty when nothing.</summary>
public static class ReprocessRequestCheck
{
    /// <summary>A request names at most this many recordings (the body limit bounds it too).</summary>
    public const int MaxNamedRecordings = 20_000;

    public static IReadOnlyList<string> Problems(Study study, IReadOnlyCollection<Recording> recordings, ReprocessStage stage, ReprocessScope scope, int? currentCodebookVersion)
    {
        var errors = new List<string>();
        if (scope.Recordings is { Count: > MaxNamedRecordings })
            errors.Add($"scope.recordings names {scope.Recordings.Count} recordings; at most {MaxNamedRecordings} are allowed per batch.");
        else if (scope.Recordings is { Count: > 0 } named)
        {
            var known = recordings.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var unknown = named.Where(id => !known.Contains(id)).Distinct(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
                errors.Add($"scope.recordings: {unknown.Count} recording(s) are not in study '{study.Id}': {string.Join(", ", unknown.Take(10))}{(unknown.Count > 10 ? ", …" : "")}.");
        }
        if (scope.Sites is { Count: > 0 } sites)
        {
            var unknown = sites.Where(s => !study.HasSite(s)).Distinct(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
                errors.Add($"scope.sites: unknown site(s) {string.Join(", ", unknown.Take(10))}; the study's sites are {string.Join(", ", study.Sites.Select(s => s.Id))}.");
        }
        if (scope.ChangedSinceCodebookVersion is { } since)
        {
            if (stage != ReprocessStage.Coding)
                errors.Add("scope.changedSinceCodebookVersion applies to stage 'coding' only.");
            else if (currentCodebookVersion is not { } current || since < 1 || since >= current)
                errors.Add($"scope.changedSinceCodebookVersion must be a version before the current one (1 to {(currentCodebookVersion ?? 1) - 1}); it is {since}.");
        }
        return errors;
    }
}
