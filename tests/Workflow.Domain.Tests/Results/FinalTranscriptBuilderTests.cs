using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Results;
using Workflow.Domain.Transcripts;
using Workflow.Domain.Verification;

namespace Workflow.Domain.Tests.Results;

public class FinalTranscriptBuilderTests
{
    private static readonly DateTimeOffset Now = new(2024, 3, 5, 10, 0, 0, TimeSpan.Zero);

    private const string First = "I met Hope at the centre. We talked about housing.";
    private const string Second = "Dave Pickering said the waiting list was long.";

    private static readonly Transcript Original = new("rec-1", "test",
        [Utterance.Untimed(0, "P017", First), Utterance.Untimed(1, "P017", Second)]);

    private static IdentifierFinding Person(int utterance, string text, string source, string key, double confidence)
    {
        var start = source.IndexOf(text, StringComparison.Ordinal);
        return new IdentifierFinding(utterance, start, start + text.Length, IdentifierKind.Person, text, key, confidence, "test");
    }

    private static readonly IdentifierFinding Hope = Person(0, "Hope", First, "hope", 0.5);
    private static readonly IdentifierFinding Dave = Person(1, "Dave Pickering", Second, "dave", 0.6);

    private static readonly Codebook Codebook = new("study-a", 4, "Codebook", [
        new CodebookEntry("t-access", null, 1, "Access", "Getting into services."),
        new CodebookEntry("c-housing", "t-access", 2, "Housing", "Somewhere to live."),
        new CodebookEntry("c-waiting", "t-access", 2, "Waiting lists", "Waiting for treatment."),
        new CodebookEntry("c-stigma", "t-access", 2, "Stigma", "Being judged."),
    ], DateTimeOffset.UnixEpoch);

    /// <summary>De-identifies with the study's registry, in which both people already have their labels (as on a re-run).</summary>
    private static DeidentificationResult Deidentify(IReadOnlySet<string>? undone = null)
    {
        var registry = new PseudonymRegistry("study-a");
        registry.GetOrAssign(IdentifierKind.Person, "hope");
        registry.GetOrAssign(IdentifierKind.Person, "dave");
        return Pseudonymizer.Apply(Original, "study-a", 2, [Hope, Dave], registry, 0.9, undone);
    }

    /// <summary>Segments cut from the first-pass text, one per sentence.</summary>
    private static List<Segment> SegmentsOf(DeidentifiedTranscript firstPass)
    {
        var segments = new List<Segment>();
        foreach (var utterance in firstPass.Utterances)
        {
            var start = 0;
            foreach (var sentence in utterance.Text.Split(". ").Select((s, i) => (Text: s, Index: i)))
            {
                var text = sentence.Text.EndsWith('.') ? sentence.Text : sentence.Text + ".";
                segments.Add(new Segment($"s{utterance.Index}-{sentence.Index}", utterance.Index, start, start + text.Length, utterance.Speaker, text, true));
                start += text.Length + 1;
            }
        }
        return segments;
    }

    private static VerificationItem Decided(string segmentId, string codeId, DecisionAction action, IReadOnlyList<string>? codeIds = null,
        VerificationItemStatus status = VerificationItemStatus.Decided) => new(
        $"c4-{segmentId}-{codeId}", "study-a", "rec-1", VerificationItemKind.CodeSuggestion, "context", null, null,
        new CodeSuggestion(segmentId, codeId, 0.8, new EvidenceSpan(0, 7, $"ev:{codeId}"), "keyword", 4),
        status, null, null,
        status == VerificationItemStatus.Decided ? new VerificationDecision(action, codeIds, null, "coder-a", Now) : null,
        Now);

    private static FinalTranscript BuildWithoutUndo(IReadOnlyList<VerificationItem> items, Codebook? codebook = null)
    {
        var firstPass = Deidentify().Transcript;
        return FinalTranscriptBuilder.Build(firstPass, firstPass, SegmentsOf(firstPass), items, codebook ?? Codebook,
            new Dictionary<string, int>(), Now);
    }

    private static CodedSegment Segment(FinalTranscript final, string id) => final.Segments.Single(s => s.Id == id);

    [Fact]
    public void SegmentsOf_CutsTheFirstPassTextIntoSentences()
    {
        var firstPass = Deidentify().Transcript;

        var segments = SegmentsOf(firstPass);

        Assert.Equal(["I met [PERSON_1] at the centre.", "We talked about housing.", "[PERSON_2] said the waiting list was long."],
            segments.Select(s => firstPass.Utterances[s.UtteranceIndex].Text[s.Start..s.End]));
    }

    [Fact]
    public void Build_AcceptedSuggestion_GivesAnAcceptedCodeWithEvidence()
    {
        var final = BuildWithoutUndo([Decided("s0-1", "c-housing", DecisionAction.Accept)]);

        var code = Assert.Single(Segment(final, "s0-1").Codes);
        Assert.Equal(new AppliedCode("c-housing", "Housing", CodeOrigin.Accepted, "coder-a", "ev:c-housing"), code);
    }

    [Fact]
    public void Build_EditedSuggestion_GivesEditedCodesWithoutEvidence()
    {
        var final = BuildWithoutUndo([Decided("s1-0", "c-housing", DecisionAction.Edit, ["c-waiting", "c-stigma"])]);

        Assert.Equal(
            [new AppliedCode("c-waiting", "Waiting lists", CodeOrigin.Edited, "coder-a", null), new AppliedCode("c-stigma", "Stigma", CodeOrigin.Edited, "coder-a", null)],
            Segment(final, "s1-0").Codes);
    }

    [Fact]
    public void Build_RejectedSuggestion_GivesNoCode()
    {
        var final = BuildWithoutUndo([Decided("s0-1", "c-housing", DecisionAction.Reject)]);

        Assert.All(final.Segments, s => Assert.Empty(s.Codes));
    }

    [Theory]
    [InlineData(VerificationItemStatus.Pending)]
    [InlineData(VerificationItemStatus.Superseded)]
    public void Build_UndecidedSuggestion_GivesNoCode(VerificationItemStatus status)
    {
        var final = BuildWithoutUndo([Decided("s0-1", "c-housing", DecisionAction.Accept, status: status)]);

        Assert.All(final.Segments, s => Assert.Empty(s.Codes));
    }

    [Fact]
    public void Build_SameCodeFromTwoDecisions_IsAppliedOnceAsFirstDecided()
    {
        var final = BuildWithoutUndo([
            Decided("s1-0", "c-waiting", DecisionAction.Accept),
            Decided("s1-0", "c-stigma", DecisionAction.Edit, ["c-waiting", "c-stigma", "c-waiting"]),
        ]);

        var codes = Segment(final, "s1-0").Codes;
        Assert.Equal(["c-waiting", "c-stigma"], codes.Select(c => c.CodeId));
        Assert.Equal(CodeOrigin.Accepted, codes[0].Origin);
        Assert.Equal(CodeOrigin.Edited, codes[1].Origin);
    }

    [Fact]
    public void Build_CodeNotInTheCodebook_IsNamedByItsId()
    {
        var final = BuildWithoutUndo([Decided("s0-1", "c-gone", DecisionAction.Accept)]);

        Assert.Equal("c-gone", Assert.Single(Segment(final, "s0-1").Codes).CodeName);
    }

    [Fact]
    public void Build_RecordsTheVersionsAndTime()
    {
        var final = BuildWithoutUndo([]);

        Assert.Equal("rec-1", final.RecordingId);
        Assert.Equal("study-a", final.StudyId);
        Assert.Equal(4, final.CodebookVersion);
        Assert.Equal(2, final.IdentifierListVersion);
        Assert.Equal(Now, final.FinalizedAt);
    }

    [Fact]
    public void Build_WithoutACodebook_RecordsVersionZeroAndNamesCodesById()
    {
        var firstPass = Deidentify().Transcript;

        var final = FinalTranscriptBuilder.Build(firstPass, firstPass, SegmentsOf(firstPass),
            [Decided("s0-1", "c-housing", DecisionAction.Accept)], null, new Dictionary<string, int>(), Now);

        Assert.Equal(0, final.CodebookVersion);
        Assert.Equal("c-housing", Assert.Single(Segment(final, "s0-1").Codes).CodeName);
    }

    [Fact]
    public void Build_UndoneRedaction_ShiftsLaterSegmentsSoTheirTextMatchesTheFinalTranscript()
    {
        var first = Deidentify();
        var segments = SegmentsOf(first.Transcript);
        var hopeId = Pseudonymizer.RedactionId(Hope);
        var undone = new HashSet<string> { hopeId };
        var final = Deidentify(undone).Transcript;
        var restored = first.Key.Where(k => undone.Contains(k.RedactionId)).ToDictionary(k => k.RedactionId, k => k.OriginalText.Length);

        var result = FinalTranscriptBuilder.Build(final, first.Transcript, segments, [], Codebook, restored, Now);

        Assert.Equal(First, result.Utterances[0].Text);
        Assert.Equal(
            ["I met Hope at the centre.", "We talked about housing.", "[PERSON_2] said the waiting list was long."],
            result.Segments.Select(s => result.Utterances[s.UtteranceIndex].Text[s.Start..s.End]));
        // "[PERSON_1]" (10 characters) became "Hope" (4): the second sentence moved 6 to the left.
        var before = segments.Single(s => s.Id == "s0-1");
        var after = Segment(result, "s0-1");
        Assert.Equal((before.Start - 6, before.End - 6), (after.Start, after.End));
    }

    [Fact]
    public void Build_UndoneRedaction_LeavesOtherUtterancesOffsetsAlone()
    {
        var first = Deidentify();
        var segments = SegmentsOf(first.Transcript);
        var undone = new HashSet<string> { Pseudonymizer.RedactionId(Hope) };

        var result = FinalTranscriptBuilder.Build(Deidentify(undone).Transcript, first.Transcript, segments, [], Codebook,
            first.Key.Where(k => undone.Contains(k.RedactionId)).ToDictionary(k => k.RedactionId, k => k.OriginalText.Length), Now);

        var before = segments.Single(s => s.Id == "s1-0");
        var after = Segment(result, "s1-0");
        Assert.Equal((before.Start, before.End), (after.Start, after.End));
    }

    [Fact]
    public void Build_FinalRedactions_NoLongerNeedConfirmation()
    {
        var first = Deidentify();
        Assert.All(first.Transcript.Redactions, r => Assert.True(r.NeedsConfirmation));
        var undone = new HashSet<string> { Pseudonymizer.RedactionId(Hope) };

        var result = FinalTranscriptBuilder.Build(Deidentify(undone).Transcript, first.Transcript, SegmentsOf(first.Transcript), [], Codebook,
            new Dictionary<string, int> { [Pseudonymizer.RedactionId(Hope)] = 4 }, Now);

        var redaction = Assert.Single(result.Redactions);
        Assert.Equal(Pseudonymizer.RedactionId(Dave), redaction.Id);
        Assert.False(redaction.NeedsConfirmation);
        Assert.Equal("[PERSON_2]", result.Utterances[1].Text[redaction.Start..redaction.End]);
    }
}
