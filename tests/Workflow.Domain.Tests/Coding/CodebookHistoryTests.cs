using Workflow.Domain.Coding;

namespace Workflow.Domain.Tests.Coding;

public class CodebookHistoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static CodebookEntry Theme(string id) => new(id, null, 1, id, "a theme");

    private static CodebookEntry Code(string id, string definition = "a code") => new(id, "access", 2, id, definition);

    private static Codebook Version(int version, params CodebookEntry[] codes) => new("s1", version, "Framework", codes, T0.AddDays(version));

    [Fact]
    public void EachVersion_SaysWhatItAddedRemovedAndChanged_NewestFirst()
    {
        var history = CodebookHistory.Summarize([
            Version(2, Theme("access"), Code("waiting", "waiting for a place, now with criteria"), Code("stigma")),
            Version(1, Theme("access"), Code("waiting"), Code("cost")),
            Version(3, Theme("access"), Code("waiting", "waiting for a place, now with criteria"), Code("stigma")),
        ]);

        Assert.Equal([3, 2, 1], history.Select(h => h.Version));
        var first = history[2];
        Assert.Equal((1, 2), (first.Themes, first.Codes));
        Assert.Equal(["access", "cost", "waiting"], first.Added);
        Assert.Empty(first.Removed);
        var second = history[1];
        Assert.Equal(["stigma"], second.Added);
        Assert.Equal(["cost"], second.Removed);
        Assert.Equal(["waiting"], second.Changed);
        Assert.Equal(T0.AddDays(2), second.CreatedAt);
        // A version saved again unchanged changes nothing.
        Assert.True(history[0].Added.Count + history[0].Removed.Count + history[0].Changed.Count == 0);
    }

    [Fact]
    public void NoVersions_IsAnEmptyHistory() => Assert.Empty(CodebookHistory.Summarize([]));
}
