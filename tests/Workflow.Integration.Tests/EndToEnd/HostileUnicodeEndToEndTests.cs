using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// Listed names hidden with Unicode tricks, through the whole pipeline on the runner: no form of
/// any of them reaches the de-identified transcript, however it is written, and what is redacted is
/// the whole disguised word, invisible characters included.
/// </summary>
public class HostileUnicodeEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>
{
    private ApiClient Api => fixture.Api;

    private static readonly string[] Listed = ["Griffin Shaw", "Griffin", "Dean Kitto", "Kitto", "Penmarrow", "Castlebridge", "Harbour Project", "Tank"];

    /// <summary>Each disguise, as a participant's line. Every one hides one listed identifier.</summary>
    private static readonly (string Trick, string Line)[] Disguises =
    [
        ("zero-width space inside", "I rang Grif\u200Bfin Shaw about it."),
        ("zero-width joiner and non-joiner", "Dean\u200D Ki\u200Ctto was there."),
        ("soft hyphen", "We moved to Castle\u00ADbridge in the winter."),
        ("full-width letters", "My nan lived in \uFF30\uFF45\uFF4E\uFF4D\uFF41\uFF52\uFF52\uFF4F\uFF57."),
        ("combining accent", "De\u0301an Kitto said no."),
        ("right-to-left override around it", "Ask \u202EKitto\u202C about it."),
        ("no-break space between the words", "The Harbour\u00A0Project helped."),
        ("ligature", "Gri\uFB03n Shaw came too."),
        ("mathematical bold letters", "My mate \U0001D413\U0001D41A\U0001D427\U0001D424 came round."),
        ("byte order mark inside", "Pen\uFEFFmarrow is where I grew up."),
        ("upper case", "CASTLEBRIDGE was rough."),
    ];

    /// <summary>What a reader sees: compatibility forms folded, invisible characters and accents gone, lower case.</summary>
    private static string AsRead(string text)
    {
        var visible = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKD))
        {
            var category = char.GetUnicodeCategory(c);
            if (category is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark) continue;
            visible.Append(char.IsWhiteSpace(c) ? ' ' : char.ToLowerInvariant(c));
        }
        return visible.ToString();
    }

    [Fact]
    public async Task DisguisedListedNames_AreRedactedWhole_AndNoFormOfThemIsLeft()
    {
        var study = Azurite.UniqueStudyId("unicode");
        await Api.CreateStudyAsync(study);
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/codebook", await File.ReadAllTextAsync(RepositoryPaths.Sample("codebook.json"))), HttpStatusCode.OK);
        var list = JsonSerializer.Serialize(new
        {
            identifiers = new object[]
            {
                new { text = "Griffin Shaw", kind = "Person", aliases = new[] { "Griffin" } },
                new { text = "Dean Kitto", kind = "Person", aliases = new[] { "Kitto" } },
                new { text = "Tank", kind = "Person", aliases = Array.Empty<string>() },
                new { text = "Penmarrow", kind = "Location", aliases = Array.Empty<string>() },
                new { text = "Castlebridge", kind = "Location", aliases = Array.Empty<string>() },
                new { text = "Harbour Project", kind = "Organization", aliases = Array.Empty<string>() },
            },
        });
        await ApiClient.EnsureAsync(await Api.SendJsonAsync(HttpMethod.Put, $"studies/{study}/identifiers", list), HttpStatusCode.OK);
        var transcript = string.Join("\n\n", Disguises.Select(d => $"Participant: {d.Line}"));
        // Each line really does hide a listed name, or the test proves nothing.
        Assert.All(Disguises, d => Assert.Contains(Listed, name => AsRead(d.Line).Contains(name.ToLowerInvariant(), StringComparison.Ordinal)));

        var upload = await Api.UploadAsync(study, "interview.txt", new UTF8Encoding(false).GetBytes(transcript), ApiClient.InterviewFields());
        var id = (await ApiClient.EnsureAsync(upload, HttpStatusCode.Accepted)).GetProperty("recordingId").GetString()!;
        var (waiting, _) = await Api.WaitForStatusAsync(id, TimeSpan.FromMinutes(3), "WaitingForVerification", "Failed");
        Assert.Equal("WaitingForVerification", waiting.GetProperty("status").GetString());

        var draft = await ApiClient.EnsureAsync(await Api.GetAsync($"recordings/{id}/transcript"), HttpStatusCode.OK);
        var lines = draft.GetProperty("transcript").GetProperty("utterances").EnumerateArray().Select(u => u.GetProperty("text").GetString()!).ToList();
        Assert.Equal(Disguises.Length, lines.Count);
        // Not even half of a name: the longest listed form is taken whole, disguised separators and all.
        var words = Listed.SelectMany(n => n.ToLowerInvariant().Split(' ')).ToHashSet();
        var leaks = Disguises.Zip(lines)
            .Where(pair => AsRead(pair.Second).Split([' ', '.', ','], StringSplitOptions.RemoveEmptyEntries).Any(words.Contains))
            .Select(pair => $"{pair.First.Trick}: {pair.Second}").ToList();
        Assert.True(leaks.Count == 0, "disguised names left in the de-identified transcript:\n" + string.Join('\n', leaks));
        // Whole words go: no stray half of a name, and no invisible character left where a name was.
        Assert.All(lines, line => Assert.DoesNotContain(line, c => char.GetUnicodeCategory(c) == UnicodeCategory.Format || char.IsSurrogate(c)));
        Assert.All(lines, line => Assert.Contains("[", line));
    }
}
