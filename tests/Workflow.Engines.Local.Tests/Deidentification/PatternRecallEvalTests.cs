using Workflow.Domain.Deidentification;
using Workflow.Tests.Shared;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>
/// The pattern recognizers alone (empty study list) on interviews/dev D01-D03. Measured when written:
/// recall 1.0 for every pattern type (EMAIL 1/1, URL 1/1, PHONE 4/4, POSTCODE 3/3, NHS_NUMBER 3/3,
/// DATE 5/5, AGE 6/6, ADDRESS 3/3, OTHER_ID 1/1) and pattern precision 1.0 (32/32 findings inside a label).
/// The dev set is small, so the margins below allow for no regression beyond one span in most types.
/// </summary>
public class PatternRecallEvalTests(ITestOutputHelper output)
{
    private static readonly string[] PatternTypes =
        ["EMAIL", "URL", "PHONE", "POSTCODE", "NHS_NUMBER", "DATE", "AGE", "ADDRESS", "OTHER_ID"];

    [EvalFact]
    public async Task PatternRecognizers_OnDevInterviews_FindEveryLabelledPatternSpan()
    {
        var results = await DevInterviewFindings.RunAsync(i => StudyIdentifierList.Empty("eval"));

        foreach (var type in PatternTypes)
        {
            var gold = results.SelectMany(r => r.Interview.Gold.Where(g => g.Type == type).Select(g => (g, r.Findings))).ToList();
            var found = gold.Count(x => DevInterviewFindings.IsFound(x.g, x.Findings));
            var recall = (double)found / gold.Count;
            // Counts only: the spans themselves are (synthetic) identifiers and are never written out.
            output.WriteLine($"{type,-11} recall {recall:0.00} ({found}/{gold.Count})");
            Assert.True(recall >= 0.95, $"{type} recall {recall:0.00} below 0.95");
        }
    }

    [EvalFact]
    public async Task PatternRecognizers_OnDevInterviews_RarelyFireOutsideALabel()
    {
        var results = await DevInterviewFindings.RunAsync(i => StudyIdentifierList.Empty("eval"));

        var findings = results.SelectMany(r => r.Findings.Select(f => (f, r.Interview))).ToList();
        var inside = findings.Count(x => x.Interview.Gold.Any(g => g.Overlaps(x.f.UtteranceIndex, x.f.Start, x.f.End)));
        var precision = (double)inside / findings.Count;
        output.WriteLine($"pattern precision {precision:0.00} ({inside}/{findings.Count}); outside a label by kind: " +
            string.Join(", ", findings.Where(x => !x.Interview.Gold.Any(g => g.Overlaps(x.f.UtteranceIndex, x.f.Start, x.f.End)))
                .GroupBy(x => x.f.Kind).Select(g => $"{g.Key} {g.Count()}")));
        Assert.True(precision >= 0.9, $"precision {precision:0.00} below 0.9");
    }
}
