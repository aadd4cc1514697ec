using Workflow.Domain.Coding;

namespace Workflow.Domain.Tests.Coding.Formats;

/// <summary>A small codebook with every field used, and text that CSV and XML must quote or escape.</summary>
internal static class SampleCodebooks
{
    public static Codebook TwoThemes() => new("study-a", 3, "Access study", new CodebookEntry[]
    {
        new("T1", null, 1, "Access", "Getting to services.", Color: "#1f77b4"),
        new("C1", "T1", 2, "Waiting, \"long\" times", "Delays before a first appointment.\nSecond line.",
            "Any delay, however short", "Delays the participant chose", ["=SUM(A1)", "it took | ages", "back\\slash"], ["wait", "queue"], "#ABC"),
        new("C2", "T1", 2, "Transport", "-Getting there.", Keywords: ["bus"]),
        new("T2", null, 1, "Trust", "Confidence in staff.", Color: "red"),
        new("C3", "T2", 2, "Being believed", "'=Staff take the account seriously."),
    }, DateTimeOffset.UnixEpoch);

    public static void AssertSameEntries(IReadOnlyList<CodebookEntry> expected, IReadOnlyList<CodebookEntry> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        foreach (var (e, a) in expected.Zip(actual))
        {
            Assert.Equal((e.Id, e.Parent, e.Level, e.Name, e.Definition, e.InclusionCriteria, e.ExclusionCriteria, e.Color),
                (a.Id, a.Parent, a.Level, a.Name, a.Definition, a.InclusionCriteria, a.ExclusionCriteria, a.Color));
            Assert.Equal(e.Examples ?? [], a.Examples ?? []);
            Assert.Equal(e.Keywords ?? [], a.Keywords ?? []);
        }
    }
}
