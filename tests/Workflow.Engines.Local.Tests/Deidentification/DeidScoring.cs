using System.Globalization;
using System.Text;
using System.Text.Json;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Deidentification;
using Workflow.Tests.Shared;

namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>
/// Scores de-identification against labelled spans, shared by the dev-data floor tests and the
/// bench/Workflow.DeidEval command. The scored output is the union of the rules engine's and the names
/// engine's findings in utterance text, resolved to non-overlapping spans (longest first, then higher
/// confidence). Matching rule: a labelled span is found when a resolved finding overlaps it by at least one
/// character (typed: the finding's kind must also match); a finding is correct when it overlaps any labelled
/// span (typed: one of its kind). Findings overlapping only labels the mapping leaves out (Presidio TITLE,
/// NRP) are not counted either way.
/// </summary>
internal static class DeidScoring
{
    /// <summary>One scored document: its transcript and its labels (kind null = label not scored).</summary>
    public sealed record Document(string Id, Transcript Transcript, IReadOnlyList<Label> Gold);

    /// <summary>A label in utterance UTF-16 offsets; <see cref="Type"/> is the source's type name.</summary>
    public sealed record Label(int Utterance, int Start, int End, string Type, IdentifierKind? Kind, string Text)
    {
        public bool Overlaps(IdentifierFinding f) => f.UtteranceIndex == Utterance && f.Start < End && Start < f.End;
    }

    /// <summary>Counts for one kind: labels found (typed and any type), labels, findings right (typed, any), findings.</summary>
    public sealed record Counts(int FoundTyped, int FoundAny, int Labels, int RightTyped, int RightAny, int Findings)
    {
        public double RecallTyped => Ratio(FoundTyped, Labels);
        public double RecallAny => Ratio(FoundAny, Labels);
        public double Precision => Ratio(RightTyped, Findings);
        public double PrecisionAny => Ratio(RightAny, Findings);
        public double F2 => FBeta(Precision, RecallTyped, 2);
        public double F2Any => FBeta(PrecisionAny, RecallAny, 2);
    }

    /// <summary>A whole run: per-kind counts and the overall (type-agnostic) figures.</summary>
    public sealed record Score(IReadOnlyDictionary<IdentifierKind, Counts> ByKind, Counts All, Counts Confident);

    public static double Ratio(int a, int b) => b == 0 ? double.NaN : (double)a / b;

    public static double FBeta(double p, double r, double beta) =>
        double.IsNaN(p) || double.IsNaN(r) || p + r == 0 ? double.NaN : (1 + beta * beta) * p * r / (beta * beta * p + r);

    public static IdentifierKind KindOfInterviewType(string type) => type switch
    {
        "PERSON" => IdentifierKind.Person,
        "ORGANIZATION" => IdentifierKind.Organization,
        "LOCATION" => IdentifierKind.Location,
        "ADDRESS" => IdentifierKind.Address,
        "POSTCODE" => IdentifierKind.Postcode,
        "PHONE" => IdentifierKind.Phone,
        "EMAIL" => IdentifierKind.Email,
        "URL" => IdentifierKind.Url,
        "NHS_NUMBER" => IdentifierKind.NhsNumber,
        "DATE" => IdentifierKind.Date,
        "AGE" => IdentifierKind.Age,
        _ => IdentifierKind.OtherId,
    };

    /// <summary>Presidio's types in ours; TITLE and NRP (nationality/religion/politics) have no counterpart and are not scored.</summary>
    public static IdentifierKind? KindOfPresidioType(string type) => type switch
    {
        "PERSON" => IdentifierKind.Person,
        "STREET_ADDRESS" => IdentifierKind.Address,
        "GPE" => IdentifierKind.Location,
        "ORGANIZATION" => IdentifierKind.Organization,
        "DATE_TIME" => IdentifierKind.Date,
        "PHONE_NUMBER" => IdentifierKind.Phone,
        "AGE" => IdentifierKind.Age,
        "EMAIL_ADDRESS" => IdentifierKind.Email,
        "ZIP_CODE" => IdentifierKind.Postcode,
        "DOMAIN_NAME" => IdentifierKind.Url,
        "CREDIT_CARD" or "IBAN_CODE" or "US_SSN" or "US_DRIVER_LICENSE" or "IP_ADDRESS" => IdentifierKind.OtherId,
        _ => null,
    };

    /// <summary>The dev interviews D01-D03 (interviews/dev).</summary>
    public static List<Document> DevInterviews() =>
        EvalInterview.DevIds.Select(EvalInterview.Load).Select(i => new Document(i.Id, i.Transcript,
            i.Gold.Select(g => new Label(g.UtteranceIndex, g.Start, g.End, g.Type, KindOfInterviewType(g.Type), g.Text)).ToList())).ToList();

    /// <summary>pii/presidio-synth-dev.json, one single-utterance transcript per sentence (code points moved to UTF-16).</summary>
    public static List<Document> Presidio()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(EvalData.PathOf("pii/presidio-synth-dev.json"), Encoding.UTF8));
        var documents = new List<Document>();
        var n = 0;
        foreach (var sentence in doc.RootElement.EnumerateArray())
        {
            var text = sentence.GetProperty("full_text").GetString()!;
            var map = new List<int> { 0 };
            foreach (var rune in text.EnumerateRunes()) map.Add(map[^1] + rune.Utf16SequenceLength);
            var gold = sentence.GetProperty("spans").EnumerateArray().Select(s =>
            {
                var type = s.GetProperty("entity_type").GetString()!;
                var start = map[s.GetProperty("start_position").GetInt32()];
                var end = map[Math.Min(s.GetProperty("end_position").GetInt32(), map.Count - 1)];
                return new Label(0, start, end, type, KindOfPresidioType(type), text[start..end]);
            }).ToList();
            var id = "synth-" + (n++).ToString(CultureInfo.InvariantCulture);
            documents.Add(new Document(id, new Transcript(id, "eval", [Utterance.Untimed(0, "S", text)]), gold));
        }
        return documents;
    }

    /// <summary>The study list a lead would enter under a regime: labelled texts of <paramref name="types"/> (null = all types).</summary>
    public static StudyIdentifierList ListOf(Document document, IReadOnlyCollection<string>? types) =>
        types is { Count: 0 } ? StudyIdentifierList.Empty("eval") :
        new("eval", 1, document.Gold
            .Where(g => g.Kind is not null && (types is null || types.Contains(g.Type)))
            .DistinctBy(g => (g.Type, g.Text))
            .Select((g, i) => new StudyIdentifier($"{document.Id}-{i}", g.Text, g.Kind!.Value, []))
            .ToList());

    /// <summary>The union of findings of every engine on each document, in utterance text only.</summary>
    public static async Task<List<IReadOnlyList<IdentifierFinding>>> FindAsync(
        IReadOnlyList<Document> documents, IReadOnlyList<IDeidentificationEngine> engines, IReadOnlyCollection<string>? listTypes)
    {
        var all = new List<IReadOnlyList<IdentifierFinding>>();
        foreach (var d in documents)
        {
            var list = ListOf(d, listTypes);
            var union = new List<IdentifierFinding>();
            foreach (var engine in engines)
                union.AddRange((await engine.FindAsync(d.Transcript, list, CancellationToken.None)).Where(f => f.Field == FindingField.Text));
            all.Add(union);
        }
        return all;
    }

    /// <summary>Non-overlapping spans: longest first, then higher confidence (what the Pseudonymizer keeps).</summary>
    public static List<IdentifierFinding> Resolve(IEnumerable<IdentifierFinding> findings)
    {
        var kept = new List<IdentifierFinding>();
        foreach (var f in findings.OrderByDescending(f => f.Length).ThenByDescending(f => f.Confidence).ThenBy(f => f.Start))
            if (!kept.Any(k => k.UtteranceIndex == f.UtteranceIndex && k.Start < f.End && f.Start < k.End)) kept.Add(f);
        return kept;
    }

    /// <summary>Scores resolved findings; <paramref name="exclude"/> drops one detector's findings first (ablation).</summary>
    public static Score Evaluate(IReadOnlyList<Document> documents, IReadOnlyList<IReadOnlyList<IdentifierFinding>> findings,
        string? exclude = null, double confidentAbove = 0.0)
    {
        var byKind = new Dictionary<IdentifierKind, int[]>();
        int[] all = new int[6], confident = new int[6];
        for (var d = 0; d < documents.Count; d++)
        {
            var gold = documents[d].Gold;
            var resolved = Resolve(findings[d].Where(f => f.Recognizer != exclude));
            foreach (var g in gold.Where(g => g.Kind is not null))
            {
                var c = Row(byKind, g.Kind!.Value);
                var any = resolved.Any(g.Overlaps);
                var typed = resolved.Any(f => f.Kind == g.Kind && g.Overlaps(f));
                c[0] += typed ? 1 : 0; c[1] += any ? 1 : 0; c[2]++;
                all[0] += typed ? 1 : 0; all[1] += any ? 1 : 0; all[2]++;
                var sure = resolved.Any(f => f.Confidence >= confidentAbove && g.Overlaps(f));
                confident[1] += sure ? 1 : 0; confident[2]++;
            }
            foreach (var f in resolved)
            {
                var overlapping = gold.Where(g => g.Overlaps(f)).ToList();
                if (overlapping.Count > 0 && overlapping.All(g => g.Kind is null)) continue;
                var c = Row(byKind, f.Kind);
                var right = overlapping.Count > 0;
                var typed = overlapping.Any(g => g.Kind == f.Kind);
                c[3] += typed ? 1 : 0; c[4] += right ? 1 : 0; c[5]++;
                all[3] += typed ? 1 : 0; all[4] += right ? 1 : 0; all[5]++;
                if (f.Confidence >= confidentAbove) { confident[4] += right ? 1 : 0; confident[5]++; }
            }
        }
        return new Score(byKind.ToDictionary(k => k.Key, k => Of(k.Value)), Of(all), Of(confident));
    }

    /// <summary>The detectors that produced findings, most findings first.</summary>
    public static List<(string Detector, int Findings)> Detectors(IEnumerable<IReadOnlyList<IdentifierFinding>> findings) =>
        findings.SelectMany(f => f).GroupBy(f => f.Recognizer).Select(g => (g.Key, g.Count())).OrderByDescending(x => x.Item2).ToList();

    private static int[] Row(Dictionary<IdentifierKind, int[]> rows, IdentifierKind kind) =>
        rows.TryGetValue(kind, out var row) ? row : rows[kind] = new int[6];

    private static Counts Of(int[] c) => new(c[0], c[1], c[2], c[3], c[4], c[5]);
}
