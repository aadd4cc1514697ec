using Workflow.Domain.Deidentification;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

/// <summary>The engine's findings on each development interview, for scoring against the labels.</summary>
internal static class DevInterviewFindings
{
    public static async Task<List<(EvalInterview Interview, IReadOnlyList<IdentifierFinding> Findings)>> RunAsync(
        Func<EvalInterview, StudyIdentifierList> listFor)
    {
        var engine = Deidentifiers.Local();
        var results = new List<(EvalInterview, IReadOnlyList<IdentifierFinding>)>();
        foreach (var id in EvalInterview.DevIds)
        {
            var interview = EvalInterview.Load(id);
            results.Add((interview, await engine.FindAsync(interview.Transcript, listFor(interview), CancellationToken.None)));
        }
        return results;
    }

    /// <summary>Type-agnostic: a labelled span counts as found when any finding in its utterance text overlaps it.</summary>
    public static bool IsFound(GoldSpan gold, IReadOnlyList<IdentifierFinding> findings) =>
        findings.Any(f => f.Field == FindingField.Text && gold.Overlaps(f.UtteranceIndex, f.Start, f.End));
}
