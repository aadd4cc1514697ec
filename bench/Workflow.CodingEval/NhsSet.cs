using Workflow.Domain.Coding;

namespace Workflow.CodingEval;

/// <summary>
/// The NHS Friends-and-Family-Test comments (coding/nhs-patient-experience-dev.csv, framework v6
/// labels, one 0/1 column per code) against the v7 framework codebook. Scored: the codes whose v7 name
/// equals a v6 column name, except the two bookkeeping categories ("Not assigned", "Labelling not
/// possible"), which say a comment fits no code rather than naming a topic a coder could recognise.
/// Each comment is one codable segment.
/// </summary>
internal static class NhsSet
{
    private const string CommentColumn = "FFT answer";
    private static readonly string[] Bookkeeping = ["Not assigned", "Labelling not possible"];

    public static CodingSet Load(string eval, int? limit)
    {
        var codebook = FrameworkCodebook.Load(Path.Combine(eval, "coding", "codebook_framework3.json"));
        var rows = Csv.Read(Path.Combine(eval, "coding", "nhs-patient-experience-dev.csv"));
        var header = rows[0];
        var names = codebook.ApplicableCodes.ToDictionary(c => c.Name, c => c.Id, StringComparer.Ordinal);
        var scored = header.Select((name, column) => (name, column))
            .Where(h => names.ContainsKey(h.name) && !Bookkeeping.Contains(h.name))
            .ToList();
        var comment = Array.IndexOf(header, CommentColumn);
        var segments = new List<Segment>();
        var expert = new Dictionary<string, IReadOnlySet<string>>(StringComparer.Ordinal);
        foreach (var row in rows.Skip(1).Where(r => r.Length == header.Length && !string.IsNullOrWhiteSpace(r[comment])).Take(limit ?? int.MaxValue))
        {
            var id = "c" + segments.Count;
            var text = row[comment].Trim();
            segments.Add(new Segment(id, segments.Count, 0, text.Length, "Respondent", text, true));
            expert[id] = scored.Where(h => row[h.column] == "1").Select(h => names[h.name]).ToHashSet(StringComparer.Ordinal);
        }
        return new CodingSet("nhs (name-matched codes)", codebook, segments, expert, scored.Select(h => names[h.name]).ToList());
    }
}
