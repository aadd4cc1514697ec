using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Serialization;
using Workflow.Engines.Local.Coding;
using Workflow.Tests.Shared;
using Xunit.Abstractions;

namespace Workflow.Engines.Local.Tests.Coding;

/// <summary>The demo data under samples/ is usable by every stage it feeds.</summary>
public class SampleDataTests(ITestOutputHelper output)
{
    private static string Sample(string relative) => File.ReadAllText(Path.Combine(EvalData.RepositoryRoot, "samples", relative));

    private static string Transcript => Sample("transcripts/interview-service-user.txt");

    private sealed record SampleIdentifier(string Text, IdentifierKind Kind, IReadOnlyList<string>? Aliases);

    [Fact]
    public void Codebook_ParsesAndValidatesAsATwoLevelFramework()
    {
        var draft = CodebookJsonReader.Parse(Sample("codebook.json"));

        Assert.Empty(CodebookValidator.Validate(draft));
        Assert.InRange(draft.Codes!.Count(c => c.Level == 1), 5, 6);
        var codes = draft.Codes!.Where(c => c.IsApplicable).ToList();
        Assert.InRange(codes.Count, 15, 25);
        Assert.All(codes, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.InclusionCriteria), c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.ExclusionCriteria), c.Id);
            Assert.Single(c.Examples!);
            Assert.InRange(c.Keywords!.Count, 5, 12);
        });
    }

    [Fact]
    public void Transcript_HasInterviewerAndParticipantTurnsSeparatedByBlankLines()
    {
        var turns = Paragraphs(Transcript);

        Assert.All(turns, t => Assert.Matches("^(Interviewer|Participant): \\S", t));
        Assert.Contains(turns, t => t.StartsWith("Interviewer: ", StringComparison.Ordinal));
        Assert.Contains(turns, t => t.StartsWith("Participant: ", StringComparison.Ordinal));
        var words = turns.Sum(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length - 1);
        Assert.InRange(words, 600, 900);
        // Ofcom's drama range, so the demo never shows a real number.
        Assert.Matches(@"07700 900\d{3}", Transcript);
    }

    [Fact]
    public void Identifiers_DeserialiseAndEachAppearsInTheTranscriptOrAudioScript()
    {
        var identifiers = WorkflowJson.Deserialize<List<SampleIdentifier>>(Sample("identifiers.json"));
        var script = Sample("audio-script.txt");
        var everything = Transcript + "\n" + script;

        Assert.NotEmpty(identifiers);
        Assert.All(identifiers, i => Assert.True(
            Surfaces(i).Any(s => everything.Contains(s, StringComparison.Ordinal)), $"'{i.Text}' is not used in the samples."));
        Assert.Contains(identifiers.Where(i => i.Kind == IdentifierKind.Person).SelectMany(Surfaces),
            name => Regex.IsMatch(script, $@"\b{Regex.Escape(name)}\b"));
    }

    [Fact]
    public void AudioScript_IsAFewShortSentences()
    {
        var sentences = Sample("audio-script.txt").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.InRange(sentences.Length, 4, 6);
        Assert.All(sentences, s => Assert.InRange(s.Split(' ').Length, 3, 12));
    }

    [Fact]
    public async Task KeywordEngine_OnTheSampleTranscript_ProposesSeveralCodesForParticipantTurnsOnly()
    {
        var codebook = CodebookValidator.ToCodebook(CodebookJsonReader.Parse(Sample("codebook.json")), "sample-study", 1, DateTimeOffset.UnixEpoch);
        var segments = Paragraphs(Transcript).Select((p, i) =>
        {
            var speaker = p[..p.IndexOf(':', StringComparison.Ordinal)];
            var text = p[(speaker.Length + 2)..];
            return new Segment($"u{i}", i, 0, text.Length, speaker, text, speaker == "Participant");
        }).ToList();
        var engine = new KeywordCodingEngine(Options.Create(new KeywordCodingOptions()));

        var suggestions = await engine.SuggestAsync(segments, codebook, CancellationToken.None);

        foreach (var s in suggestions)
            output.WriteLine($"{s.SegmentId} {s.CodeId} {s.Confidence:F2} '{s.Evidence.Text}'");
        var participantTurns = segments.Where(s => s.Codable).Select(s => s.Id).ToHashSet();
        Assert.All(suggestions, s => Assert.Contains(s.SegmentId, participantTurns));
        Assert.True(suggestions.Select(s => s.CodeId).Distinct().Count() >= 5, "Expected at least five different codes.");
        Assert.True(suggestions.Select(s => s.SegmentId).Distinct().Count() >= participantTurns.Count / 2, "Expected most participant turns to get a code.");
    }

    private static IEnumerable<string> Surfaces(SampleIdentifier i) => new[] { i.Text }.Concat(i.Aliases ?? []);

    private static List<string> Paragraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToList();
}
