using Workflow.Composition;
using System.Diagnostics;
using System.Text;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;
using Workflow.Engines.Local.Deidentification;

namespace Workflow.Engines.Local.Tests.Deidentification;

public class RuleBasedDeidentificationEngineTests
{
    private readonly CompositeDeidentificationEngine _engine = Deidentifiers.Local();

    private static Transcript Of(params (string Speaker, string Text)[] turns) =>
        new("rec-1", "test", turns.Select((t, i) => Utterance.Untimed(i, t.Speaker, t.Text)).ToList());

    private static StudyIdentifierList List(params StudyIdentifier[] identifiers) => new("study", 1, identifiers);

    [Fact]
    public async Task FindAsync_EveryFinding_CarriesTheDetectorThatFoundItAndItsUtteranceText()
    {
        var transcript = Of(("Interviewer", "Thanks."), ("Participant", "Ring 0191 498 0433 and ask for Angela."));

        var findings = await _engine.FindAsync(transcript, List(new StudyIdentifier("p1", "Angela", IdentifierKind.Person, [])), default);

        Assert.Equal("study-list+rules", _engine.Name);
        // Findings name the detector after the engine ("rules/phone"), so a coder sees which rule fired.
        Assert.StartsWith("rules/", findings.Single(f => f.Text == "0191 498 0433").Recognizer);
        Assert.Equal("study-list", findings.Single(f => f.Text == "Angela").Recognizer);
        Assert.All(findings, f => Assert.Equal(1, f.UtteranceIndex));
        Assert.Equal(["0191 498 0433", "Angela"], findings.OrderBy(f => f.Start).Select(f => f.Text));
    }

    [Fact]
    public async Task FindAsync_ValidNhsNumber_IsNotAlsoReportedAsPhoneOrId()
    {
        var findings = await _engine.FindAsync(Of(("P5", "NHS number 0123456789, and 6469272789.")), StudyIdentifierList.Empty("study"), default);

        Assert.All(findings, f => Assert.Equal(IdentifierKind.NhsNumber, f.Kind));
        Assert.Equal(2, findings.Count);
    }

    [Fact]
    public async Task FindAsync_PhoneNumber_IsNotReportedAsADate()
    {
        var findings = await _engine.FindAsync(Of(("P1", "It's 07700 900 341.")), StudyIdentifierList.Empty("study"), default);

        Assert.Equal(IdentifierKind.Phone, Assert.Single(findings).Kind);
    }

    [Fact]
    public async Task FindAsync_NameInSpeakerLabel_IsFoundInTheSpeakerField()
    {
        var findings = await _engine.FindAsync(Of(("Darren", "Aye.")), List(new StudyIdentifier("p1", "Darren", IdentifierKind.Person, [])), default);

        var finding = Assert.Single(findings);
        Assert.Equal(FindingField.Speaker, finding.Field);
        Assert.Equal((0, 6), (finding.Start, finding.End));
    }

    [Fact]
    public async Task FindAsync_WithPseudonymizer_LeavesNoListedNameOrPattern()
    {
        var transcript = Of(("Participant", "Stuart's on the panel. Stuart Penhale, 07700-900-903, stuart@example.org."));
        var list = List(new StudyIdentifier("p1", "Stuart Penhale", IdentifierKind.Person, ["Stuart"]));

        var findings = await _engine.FindAsync(transcript, list, default);
        var result = Pseudonymizer.Apply(transcript, "study", 1, findings, new PseudonymRegistry("study"), 0.9);

        Assert.Equal("[PERSON_1]'s on the panel. [PERSON_1], [PHONE_1], [EMAIL_1].", result.Transcript.Utterances[0].Text);
    }

    [Fact]
    public async Task FindAsync_OrdinaryWordsWithoutAList_FindsNothing()
    {
        var transcript = Of(("P2", "I will, I hope, you may. Frankly it was a saving grace; mark you down, Bill."));

        Assert.Empty(await _engine.FindAsync(transcript, StudyIdentifierList.Empty("study"), default));
    }

    [Fact]
    public async Task FindAsync_LargeListAndLongTranscript_FindsListedNames()
    {
        var identifiers = Enumerable.Range(0, 300)
            .Select(i => new StudyIdentifier($"p{i}", $"Name{i} Surname{i}", IdentifierKind.Person, [$"Name{i}"])).ToList();
        var words = new StringBuilder();
        for (var i = 0; i < 20_000; i++) words.Append(i % 97 == 0 ? $"Name{i % 300} " : "word ");
        var transcript = Of(Enumerable.Range(0, 20).Select(i => ("P1", words.ToString(i * 5_000, 5_000))).ToArray());

        // Speed is a benchmark's business, not a unit test's: this checks the large case works.
        var findings = await _engine.FindAsync(transcript, List([.. identifiers]), default);

        Assert.NotEmpty(findings);
        Assert.All(findings, f => Assert.StartsWith("Name", f.Text));
    }

    [Fact]
    public async Task FindAsync_Cancelled_Throws()
    {
        await Assert.ThrowsAsync<OperationCanceledException>(() =>
            _engine.FindAsync(Of(("P1", "x")), StudyIdentifierList.Empty("study"), new CancellationToken(canceled: true)));
    }
}
