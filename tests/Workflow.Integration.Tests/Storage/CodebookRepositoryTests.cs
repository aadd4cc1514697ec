using Workflow.Domain.Coding;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.Storage;

/// <summary>
/// Codebook versions: leads saving at once get consecutive versions, the newest is current, and
/// older versions stay readable because suggestions and decisions refer to them.
/// </summary>
public class CodebookRepositoryTests
{
    [Fact]
    public async Task AddVersionAsync_EightLeadsAtOnce_GetConsecutiveDistinctVersions()
    {
        var codebooks = (await Azurite.StoresAsync()).Codebooks;
        var study = Azurite.UniqueStudyId("cb-race");

        var saved = await Task.WhenAll(Enumerable.Range(1, 8).Select(lead => Task.Run(() =>
            codebooks.AddVersionAsync(study, Draft($"Lead {lead}"), CancellationToken.None))));

        Assert.Equal(Enumerable.Range(1, 8), saved.Select(c => c.Version).Order());
        foreach (var codebook in saved)
        {
            // Each version holds the draft of the lead who was told that number: nothing overwritten.
            var stored = await codebooks.GetAsync(study, codebook.Version, CancellationToken.None);
            Assert.Equal(codebook.Name, stored?.Name);
            Assert.Equal(codebook.Version, stored?.Version);
        }
        Assert.Equal(8, (await codebooks.GetCurrentAsync(study, CancellationToken.None))?.Version);
    }

    [Fact]
    public async Task GetCurrentAsync_AfterSeveralVersions_ReturnsTheLatestAndOldVersionsStayReadable()
    {
        var codebooks = (await Azurite.StoresAsync()).Codebooks;
        var study = Azurite.UniqueStudyId("cb-hist");
        // Past nine, so a version number compared as text ("v000010" < "v000009"?) would show.
        for (var v = 1; v <= 11; v++)
            await codebooks.AddVersionAsync(study, Draft($"Framework v{v}"), CancellationToken.None);

        var current = await codebooks.GetCurrentAsync(study, CancellationToken.None);

        Assert.Equal(11, current?.Version);
        Assert.Equal("Framework v11", current?.Name);
        Assert.Equal(study, current?.StudyId);
        for (var v = 1; v <= 11; v++)
            Assert.Equal($"Framework v{v}", (await codebooks.GetAsync(study, v, CancellationToken.None))?.Name);
        Assert.Null(await codebooks.GetAsync(study, 12, CancellationToken.None));
        Assert.Equal(["t1", "c1"], current!.Codes.Select(c => c.Id));
    }

    [Fact]
    public async Task GetCurrentAsync_StudyWithoutCodebook_ReturnsNull()
    {
        var codebooks = (await Azurite.StoresAsync()).Codebooks;

        Assert.Null(await codebooks.GetCurrentAsync(Azurite.UniqueStudyId("cb-none"), CancellationToken.None));
    }

    private static CodebookDraft Draft(string name) => new(name,
    [
        new CodebookEntry("t1", null, 1, "Access", "Getting to services."),
        new CodebookEntry("c1", "t1", 2, "Waiting", "Waiting times for appointments."),
    ]);
}
