using Workflow.Domain.Deidentification;
using Workflow.Domain.Recordings;
using Workflow.Domain.Results;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Tests.Recordings;

public class SpeakerNamesTests
{
    private static readonly RecordingMetadata Metadata = new("site-1", RecordingFormat.IndividualInterview,
        [new ParticipantRef("P017", RespondentRole.ServiceUser)], null, null, new ConsentFlags(true, true, true, true));

    private static readonly string[] Speakers = ["Speaker 1", "Speaker 2"];

    private static (IReadOnlyDictionary<string, string>? Mapping, IReadOnlyList<string> Errors) Validate(params (string Speaker, string? Name)[] pairs) =>
        SpeakerNames.Validate(pairs.ToDictionary(p => p.Speaker, p => p.Name), Speakers, Metadata);

    [Fact]
    public void Validate_RolesAndParticipantIds_AreAccepted_InTheirCanonicalSpelling()
    {
        var (mapping, errors) = Validate(("Speaker 1", "interviewer"), ("Speaker 2", "p017"));

        Assert.Empty(errors);
        Assert.Equal(new Dictionary<string, string> { ["Speaker 1"] = "Interviewer", ["Speaker 2"] = "P017" }, mapping);
    }

    [Theory]
    [InlineData("P1", "P1")]
    [InlineData("Interviewer 2", "Interviewer 2")]
    [InlineData("service user", "ServiceUser")]
    [InlineData("Carer", "Carer")]
    public void Validate_PositionalIdsNumberedRolesAndRespondentRoles_AreAccepted(string name, string stored) =>
        Assert.Equal(stored, Validate(("Speaker 2", name)).Mapping!["Speaker 2"]);

    [Theory]
    [InlineData("Sarah")]
    [InlineData("Sarah Jones")]
    [InlineData("P2")] // one participant: P1 only
    [InlineData("P018")]
    [InlineData("Interviewer Sarah")]
    [InlineData("")]
    [InlineData(null)]
    public void Validate_FreeTextOrUnknownIds_AreRefused_WithoutQuotingThem(string? name)
    {
        var (mapping, errors) = Validate(("Speaker 2", name));

        Assert.Null(mapping);
        var error = Assert.Single(errors);
        Assert.StartsWith("The name given for 'Speaker 2' is neither a role", error, StringComparison.Ordinal);
        if (!string.IsNullOrEmpty(name)) Assert.DoesNotContain(name, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownSpeaker_IsRefused_NamingTheSpeakersThereAre()
    {
        var (mapping, errors) = Validate(("Speaker 1", "Interviewer"), ("Dave", "P1"));

        Assert.Null(mapping);
        Assert.Equal(["1 of the speakers named is not in this recording's transcript; its speakers are: Speaker 1, Speaker 2."], errors);
    }

    [Fact]
    public void Apply_RenamesTurnsAndSegments_FromTheDiarizedLabels_SoASecondMappingReplacesTheFirst()
    {
        var labels = new DeidentifiedTranscript("rec-1", "study-a", 1,
            [Utterance.Untimed(0, "Speaker 1", "Hello."), Utterance.Untimed(1, "Speaker 2", "Hi.")], []);
        var final = new FinalTranscript("rec-1", "study-a", 1, 1, labels.Utterances, [],
            [new CodedSegment("1.0", 1, 0, 3, "Speaker 2", [])], DateTimeOffset.UnixEpoch);

        var once = SpeakerNames.Apply(final, labels, new Dictionary<string, string> { ["Speaker 1"] = "Interviewer", ["Speaker 2"] = "P1" });
        var twice = SpeakerNames.Apply(once, labels, new Dictionary<string, string> { ["Speaker 2"] = "P017" });

        Assert.Equal(["Interviewer", "P1"], once.Utterances.Select(u => u.Speaker));
        Assert.Equal("P1", once.Segments[0].Speaker);
        Assert.Equal(["Speaker 1", "P017"], twice.Utterances.Select(u => u.Speaker));
    }
}
