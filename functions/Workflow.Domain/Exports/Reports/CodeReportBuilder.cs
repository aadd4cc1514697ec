using Workflow.Domain.Coding;
using Workflow.Domain.Recordings;

namespace Workflow.Domain.Exports.Reports;

/// <summary>Counts a study's verified codes into a <see cref="CodeReport"/>. Pure.</summary>
public static class CodeReportBuilder
{
    /// <summary>The report; with <paramref name="agreement"/> it also carries per-code agreement, when any segment counts.</summary>
    public static CodeReport Build(StudyExportData data, HumanMachineSample? agreement = null)
    {
        var codebook = data.Codebook;
        var siteIds = data.Sites.Select(s => s.Id)
            .Concat(data.Recordings.Select(r => r.Metadata.SiteId))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Where(id => data.Recordings.Any(r => string.Equals(r.Metadata.SiteId, id, StringComparison.OrdinalIgnoreCase)))
            .ToList();
        var roles = Enum.GetValues<RespondentRole>()
            .Where(role => data.Recordings.Any(r => r.Metadata.Participants.Any(p => p.Role == role)))
            .ToList();
        int SiteIndex(string siteId) => siteIds.FindIndex(s => string.Equals(s, siteId, StringComparison.OrdinalIgnoreCase));

        var codes = codebook.Codes.Where(c => c.IsApplicable).ToList();
        var rowOf = codes.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var bySite = codes.Select(_ => new int[siteIds.Count]).ToArray();
        var byRole = codes.Select(_ => new int[roles.Count]).ToArray();
        var totals = new int[codes.Count];
        var recordingsWith = codes.Select(_ => new HashSet<string>(StringComparer.Ordinal)).ToArray();
        var pairs = new Dictionary<(string, string), int>();
        var codedSegments = 0;

        foreach (var recording in data.Recordings)
        {
            var site = SiteIndex(recording.Metadata.SiteId);
            foreach (var segment in recording.Transcript.Segments)
            {
                var applied = segment.Codes.Select(c => c.CodeId).Where(rowOf.ContainsKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (applied.Count == 0) continue;
                codedSegments++;
                var segmentRoles = SegmentParticipants.Of(recording.Metadata, segment.Speaker).Select(p => roles.IndexOf(p.Role)).Distinct().ToList();
                foreach (var id in applied)
                {
                    var row = rowOf[id];
                    totals[row]++;
                    bySite[row][site]++;
                    foreach (var role in segmentRoles) byRole[row][role]++;
                    recordingsWith[row].Add(recording.RecordingId);
                }
                for (var a = 0; a < applied.Count; a++)
                    for (var b = a + 1; b < applied.Count; b++)
                        pairs[(applied[a], applied[b])] = pairs.GetValueOrDefault((applied[a], applied[b])) + 1;
            }
        }

        var rows = codes.Select((c, i) =>
        {
            var theme = c.Parent is { } parent ? codebook.Find(parent) : null;
            return new CodeRow(theme?.Id ?? "", theme?.Name ?? "", c.Id, c.Name, bySite[i], byRole[i], totals[i], recordingsWith[i].Count);
        }).ToList();
        var siteColumns = siteIds.Select(id => new ReportColumn(id, data.SiteName(id),
            data.Recordings.Count(r => string.Equals(r.Metadata.SiteId, id, StringComparison.OrdinalIgnoreCase)))).ToList();
        var roleColumns = roles.Select(role => new ReportColumn(role.ToString(), ExportLabels.Role(role),
            data.Recordings.Count(r => r.Metadata.Participants.Any(p => p.Role == role)))).ToList();
        var coOccurrences = pairs
            .Select(p => new CodePair(p.Key.Item1, codebook.Find(p.Key.Item1)!.Name, p.Key.Item2, codebook.Find(p.Key.Item2)!.Name, p.Value))
            .OrderByDescending(p => p.Segments).ThenBy(p => p.CodeA, StringComparer.Ordinal).ThenBy(p => p.CodeB, StringComparer.Ordinal)
            .ToList();
        return new CodeReport(data.StudyId, data.StudyName, data.Recordings.Count, codedSegments, siteColumns, roleColumns, rows, coOccurrences,
            AgreementOf(agreement, codebook, rows));
    }

    private static CodeAgreement? AgreementOf(HumanMachineSample? sample, Codebook codebook, IReadOnlyList<CodeRow> rows)
    {
        if (sample is null || sample.Units.Count == 0) return null;
        var compared = sample.Compare(rows.Select(r => r.CodeId));
        var order = rows.Select((r, i) => (r.CodeId, i)).ToDictionary(x => x.CodeId, x => x.i, StringComparer.Ordinal);
        var codes = compared.PerCode
            .OrderBy(p => order.GetValueOrDefault(p.Key, int.MaxValue)).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => new CodeAgreementRow(p.Key, codebook.Find(p.Key)?.Name ?? p.Key, p.Value))
            .ToList();
        return new CodeAgreement(HumanMachineSample.Basis, compared.Units, sample.SegmentsAwaitingDecisions, compared.Micro, codes);
    }
}
