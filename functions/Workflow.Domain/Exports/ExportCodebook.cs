using Workflow.Domain.Coding;
using Workflow.Domain.Results;

namespace Workflow.Domain.Exports;

/// <summary>
/// The codebook an export carries: the current version, plus any code a transcript still applies that
/// a later version dropped (taken from the newest older version that has it, with its theme), so no
/// coding in an export points at a code the export does not define.
/// </summary>
public static class ExportCodebook
{
    /// <summary>Theme id for applied codes that no known version defines (e.g. a version was lost).</summary>
    public const string UnknownThemeId = "codes-not-in-codebook";

    /// <summary>Completes <paramref name="current"/> with the codes <paramref name="transcripts"/> apply.</summary>
    public static Codebook Complete(Codebook current, IEnumerable<Codebook> olderVersions, IEnumerable<FinalTranscript> transcripts)
    {
        var entries = current.Codes.ToList();
        var known = entries.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var older = olderVersions.OrderByDescending(v => v.Version).ToList();
        var applied = transcripts.SelectMany(t => t.Segments).SelectMany(s => s.Codes)
            .GroupBy(c => c.CodeId, StringComparer.Ordinal)
            .Select(g => g.First())
            .OrderBy(c => c.CodeId, StringComparer.Ordinal);

        foreach (var code in applied)
        {
            if (known.Contains(code.CodeId)) continue;
            var source = older.FirstOrDefault(v => v.Find(code.CodeId) is not null);
            var entry = source?.Find(code.CodeId);
            var theme = entry?.Parent is { } parent ? source!.Find(parent) : null;
            if (entry is not null && theme is not null)
            {
                if (known.Add(theme.Id)) entries.Add(theme);
                entries.Add(entry);
            }
            else
            {
                if (known.Add(UnknownThemeId))
                    entries.Add(new CodebookEntry(UnknownThemeId, null, 1, "Codes not in the codebook", "Applied codes that no stored codebook version defines."));
                entries.Add(new CodebookEntry(code.CodeId, UnknownThemeId, 2, code.CodeName, "Not defined in any stored codebook version."));
            }
            known.Add(code.CodeId);
        }
        return current with { Codes = entries };
    }
}
