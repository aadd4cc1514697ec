using System.Text.RegularExpressions;
using Workflow.Domain.Deidentification;
using Workflow.Tests.Shared;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>
/// The whole engine on interviews/dev D01-D03 with the study list a lead would type in (every labelled
/// person, organisation and place of that interview). Measured when written: no listed surface survives
/// pseudonymisation, and type-agnostic recall over all 94 labelled spans is 1.0 (94/94).
/// </summary>
public class StudyListLeakEvalTests(ITestOutputHelper output)
{
    private static readonly string[] ListedTypes = ["PERSON", "ORGANIZATION", "LOCATION"];

    [EvalFact]
    public async Task Engine_WithTheLeadsList_LeavesNoListedNameInTheDeidentifiedText()
    {
        var results = await DevInterviewFindings.RunAsync(ListOf);

        foreach (var (interview, findings) in results)
        {
            var result = Pseudonymizer.Apply(interview.Transcript, "eval", 1, findings, new PseudonymRegistry("eval"), 0.9);
            var leaks = ListedSurfaces(interview)
                .Count(surface => result.Transcript.Utterances.Any(u => Contains(u.Text, surface) || Contains(u.Speaker, surface)));
            // Only the count is reported: a leaked surface would be an identifier.
            output.WriteLine($"{interview.Id}: {leaks} listed surfaces left after pseudonymisation");
            Assert.Equal(0, leaks);
        }
    }

    [EvalFact]
    public async Task Engine_WithTheLeadsList_FindsEveryLabelledSpan()
    {
        var results = await DevInterviewFindings.RunAsync(ListOf);

        var gold = results.SelectMany(r => r.Interview.Gold.Select(g => (g, r.Findings))).ToList();
        var found = gold.Count(x => DevInterviewFindings.IsFound(x.g, x.Findings));
        var recall = (double)found / gold.Count;
        output.WriteLine($"type-agnostic recall {recall:0.000} ({found}/{gold.Count})");
        Assert.True(recall >= 0.98, $"recall {recall:0.000} below 0.98");
    }

    /// <summary>One identifier per distinct labelled surface, as a lead without aliases would enter them.</summary>
    private static StudyIdentifierList ListOf(EvalInterview interview) =>
        new("eval", 1, interview.Gold
            .Where(g => ListedTypes.Contains(g.Type))
            .DistinctBy(g => (g.Type, g.Text))
            .Select((g, i) => new StudyIdentifier($"{interview.Id}-{i}", g.Text, KindOf(g.Type), []))
            .ToList());

    private static IEnumerable<string> ListedSurfaces(EvalInterview interview) =>
        interview.Gold.Where(g => ListedTypes.Contains(g.Type)).Select(g => g.Text).Distinct();

    private static IdentifierKind KindOf(string type) => type switch
    {
        "PERSON" => IdentifierKind.Person,
        "ORGANIZATION" => IdentifierKind.Organization,
        _ => IdentifierKind.Location,
    };

    private static bool Contains(string text, string surface) =>
        Regex.IsMatch(text, $@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(surface)}(?![\p{{L}}\p{{N}}])", RegexOptions.IgnoreCase);
}
