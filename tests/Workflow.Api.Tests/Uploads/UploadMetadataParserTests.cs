using Workflow.Api.Uploads;
using Workflow.Domain.Recordings;
using Workflow.Domain.Studies;

namespace Workflow.Api.Tests.Uploads;

public class UploadMetadataParserTests
{
    private static readonly Study TwoSites = new("study-a", "Study A", [new Site("north", "North"), new Site("south", "South")], DateTimeOffset.UnixEpoch);
    private static readonly Study NoSites = new("study-b", "Study B", [], DateTimeOffset.UnixEpoch);

    private static Dictionary<string, string> ValidInterview() => new()
    {
        ["siteId"] = "north",
        ["format"] = "interview",
        ["participants"] = "P017:ServiceUser",
        ["interviewer"] = "JS",
        ["recordedOn"] = "2024-03-05",
        ["consentRecording"] = "true",
        ["consentTranscription"] = "true",
        ["consentQuotation"] = "false",
        ["consentArchiving"] = "true",
    };

    private static Dictionary<string, string> With(string field, string value)
    {
        var fields = ValidInterview();
        fields[field] = value;
        return fields;
    }

    [Fact]
    public void Parse_ValidInterview_ReturnsTheMetadata()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(ValidInterview(), TwoSites);

        Assert.Empty(errors);
        Assert.NotNull(metadata);
        Assert.Equal("north", metadata.SiteId);
        Assert.Equal(RecordingFormat.IndividualInterview, metadata.Format);
        Assert.Equal([new ParticipantRef("P017", RespondentRole.ServiceUser)], metadata.Participants);
        Assert.Equal("JS", metadata.Interviewer);
        Assert.Equal(new DateOnly(2024, 3, 5), metadata.RecordedOn);
        Assert.Equal(new ConsentFlags(true, true, false, true), metadata.Consent);
        Assert.Equal("en-GB", metadata.Language);
    }

    [Fact]
    public void Parse_ValidFocusGroup_ReadsEveryParticipantAndRole()
    {
        var fields = With("format", "Focus Group");
        fields["participants"] = " P017:ServiceUser, P018 : carer ; W02:Worker ";
        fields["language"] = "cy-GB";

        var (metadata, errors) = UploadMetadataParser.Parse(fields, TwoSites);

        Assert.Empty(errors);
        Assert.NotNull(metadata);
        Assert.Equal(RecordingFormat.FocusGroup, metadata.Format);
        Assert.Equal(
            [new ParticipantRef("P017", RespondentRole.ServiceUser), new ParticipantRef("P018", RespondentRole.Carer), new ParticipantRef("W02", RespondentRole.Worker)],
            metadata.Participants);
        Assert.Equal("cy-GB", metadata.Language);
    }

    [Fact]
    public void Parse_SiteIdInAnotherCase_IsAccepted()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("siteId", "NORTH"), TwoSites);

        Assert.Empty(errors);
        Assert.NotNull(metadata);
    }

    [Fact]
    public void Parse_RecordedOnOmitted_IsAcceptedWithoutADate()
    {
        var fields = ValidInterview();
        fields.Remove("recordedOn");

        var (metadata, errors) = UploadMetadataParser.Parse(fields, TwoSites);

        Assert.Empty(errors);
        Assert.Null(metadata!.RecordedOn);
    }

    [Fact]
    public void Parse_NoFields_ReportsEveryMissingFieldAtOnce()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(new Dictionary<string, string>(), TwoSites);

        Assert.Null(metadata);
        Assert.Contains(errors, e => e.StartsWith("siteId is required"));
        Assert.Contains(errors, e => e.StartsWith("format is required"));
        Assert.Contains(errors, e => e.StartsWith("participants is required"));
        Assert.Contains(errors, e => e.StartsWith("interviewer is required"));
        Assert.Contains(errors, e => e.StartsWith("consentRecording and consentTranscription must both be true"));
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public void Parse_BlankFields_AreTreatedAsMissing()
    {
        var fields = With("siteId", "   ");
        fields["interviewer"] = "";

        var (metadata, errors) = UploadMetadataParser.Parse(fields, TwoSites);

        Assert.Null(metadata);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("siteId is required"));
        Assert.Contains(errors, e => e.StartsWith("interviewer is required"));
    }

    [Theory]
    [InlineData("Darren:ServiceUser")]
    [InlineData("Darren Smith:Carer")]
    [InlineData("P017")]
    [InlineData("P-017:Worker")]
    [InlineData("P:Worker")]
    [InlineData("P0123456789012345678901:Worker")]
    public void Parse_ParticipantNotAStudyIdWithRole_IsRefused(string participants)
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("participants", participants), TwoSites);

        Assert.Null(metadata);
        var error = Assert.Single(errors);
        Assert.Contains("must look like 'P017:ServiceUser'", error);
    }

    [Fact]
    public void Parse_ParticipantNamedLikeAPerson_IsRefusedEvenBesideValidOnes()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("participants", "P017:ServiceUser, Darren:ServiceUser"), TwoSites);

        Assert.Null(metadata);
        Assert.Contains(errors, e => e.Contains("must look like 'P017:ServiceUser'"));
    }

    [Fact]
    public void Parse_ParticipantNamedLikeAPerson_ErrorDoesNotRepeatTheName()
    {
        // Refusals are logged by the dropped-upload trigger, so they must not quote what was typed.
        var (_, errors) = UploadMetadataParser.Parse(With("participants", "P017:ServiceUser, Darren Pickering:ServiceUser"), TwoSites);

        var error = Assert.Single(errors);
        Assert.DoesNotContain("Darren", error);
        Assert.DoesNotContain("Pickering", error);
        Assert.StartsWith("participant 2 ", error);
    }

    [Fact]
    public void Parse_UnknownRole_IsRefusedListingTheRoles()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("participants", "P017:Volunteer"), TwoSites);

        Assert.Null(metadata);
        var error = Assert.Single(errors);
        Assert.StartsWith("participant P017: role must be one of", error);
        foreach (var role in Enum.GetNames<RespondentRole>()) Assert.Contains(role, error);
    }

    [Theory]
    [InlineData("P017:5")]
    [InlineData("P017:-1")]
    [InlineData("P017:")]
    public void Parse_NumericOrEmptyRole_IsRefused(string participants)
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("participants", participants), TwoSites);

        Assert.Null(metadata);
        Assert.StartsWith("participant P017: role must be one of", Assert.Single(errors));
    }

    [Theory]
    [InlineData("P017:service user", RespondentRole.ServiceUser)]
    [InlineData("P017:service-user", RespondentRole.ServiceUser)]
    [InlineData("P017:COMMISSIONER", RespondentRole.Commissioner)]
    public void Parse_RoleWithSpacesHyphensOrOtherCase_IsRead(string participants, RespondentRole expected)
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("participants", participants), TwoSites);

        Assert.Empty(errors);
        Assert.Equal(expected, Assert.Single(metadata!.Participants).Role);
    }

    [Fact]
    public void Parse_InterviewWithTwoParticipants_IsRefused()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("participants", "P017:ServiceUser, P018:Carer"), TwoSites);

        Assert.Null(metadata);
        Assert.Equal("An individual interview has one participant; use format=focus-group for more.", Assert.Single(errors));
    }

    [Fact]
    public void Parse_ParticipantsWithoutEntries_IsRefused()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("participants", " , ;"), TwoSites);

        Assert.Null(metadata);
        Assert.Equal("participants must list at least one participant.", Assert.Single(errors));
    }

    [Fact]
    public void Parse_ParticipantsWithoutEntriesAndOtherProblems_ReportsBoth()
    {
        var fields = With("participants", ",");
        fields.Remove("siteId");

        var (metadata, errors) = UploadMetadataParser.Parse(fields, TwoSites);

        Assert.Null(metadata);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.StartsWith("siteId is required"));
        Assert.Contains("participants must list at least one participant.", errors);
    }

    [Fact]
    public void Parse_UnknownFormat_IsRefused()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("format", "survey"), TwoSites);

        Assert.Null(metadata);
        Assert.Equal("format must be interview or focus-group.", Assert.Single(errors));
    }

    [Theory]
    [InlineData("consentRecording")]
    [InlineData("consentTranscription")]
    public void Parse_ConsentToProcessingFalse_IsRefusedWithTheConsentMessage(string field)
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With(field, "false"), TwoSites);

        Assert.Null(metadata);
        Assert.Equal(
            "consentRecording and consentTranscription must both be true: without them the recording cannot be processed.",
            Assert.Single(errors));
    }

    [Fact]
    public void Parse_QuotationAndArchivingNotConsented_IsStillAccepted()
    {
        var fields = With("consentQuotation", "no");
        fields.Remove("consentArchiving");

        var (metadata, errors) = UploadMetadataParser.Parse(fields, TwoSites);

        Assert.Empty(errors);
        Assert.Equal(new ConsentFlags(true, true, false, false), metadata!.Consent);
    }

    [Theory]
    [InlineData("05/03/2024")]
    [InlineData("2024-13-01")]
    [InlineData("2024-3-5")]
    [InlineData("yesterday")]
    public void Parse_BadDate_IsRefused(string date)
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("recordedOn", date), TwoSites);

        Assert.Null(metadata);
        Assert.Equal("recordedOn must be a date in the form yyyy-MM-dd.", Assert.Single(errors));
    }

    [Fact]
    public void Parse_SiteNotInStudy_IsRefusedListingTheSites()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("siteId", "east"), TwoSites);

        Assert.Null(metadata);
        var error = Assert.Single(errors);
        Assert.StartsWith("siteId 'east' is not a site of this study", error);
        Assert.Contains("north, south", error);
    }

    [Theory]
    [InlineData("north\u0000")]
    [InlineData("..\u001B[31m/x")]
    [InlineData("=HYPERLINK(\"x\")")]
    public void Parse_SiteIdWithCharactersNoSiteHas_IsRefusedWithoutQuotingIt(string siteId)
    {
        foreach (var study in new[] { TwoSites, NoSites })
        {
            var (_, errors) = UploadMetadataParser.Parse(With("siteId", siteId), study);

            Assert.Equal(["siteId must be 1-64 letters, digits, '-', '_' or '.'."], errors);
        }
    }

    [Fact]
    public void Parse_StudyWithoutSites_AcceptsAnySite()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("siteId", "anywhere"), NoSites);

        Assert.Empty(errors);
        Assert.Equal("anywhere", metadata!.SiteId);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("yes", true)]
    [InlineData("1", true)]
    [InlineData("on", true)]
    [InlineData("false", false)]
    [InlineData("FALSE", false)]
    [InlineData("no", false)]
    [InlineData("0", false)]
    [InlineData("off", false)]
    [InlineData("Yes", true)]
    [InlineData("ON", true)]
    [InlineData("No", false)]
    public void Parse_ConsentFlagSpelling_IsRead(string value, bool expected)
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("consentQuotation", value), TwoSites);

        Assert.Empty(errors);
        Assert.Equal(expected, metadata!.Consent.Quotation);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    [InlineData("y")]
    public void Parse_ConsentFlagWithBadValue_IsRefusedNamingTheField(string value)
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("consentArchiving", value), TwoSites);

        Assert.Null(metadata);
        Assert.Equal("consentArchiving must be true or false.", Assert.Single(errors));
    }

    [Fact]
    public void Parse_ConsentRecordingWithBadValue_ReportsTheValueAndTheMissingConsent()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("consentRecording", "maybe"), TwoSites);

        Assert.Null(metadata);
        Assert.Equal(2, errors.Count);
        Assert.Contains("consentRecording must be true or false.", errors);
        Assert.Contains(errors, e => e.StartsWith("consentRecording and consentTranscription must both be true"));
    }

    [Theory]
    [InlineData("Darren1")]
    [InlineData("Darren")]
    [InlineData("Kelly2005")]
    public void Participants_WithNameLikeIds_AreRefusedByTheDefaultPattern(string id)
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("participants", $"{id}:ServiceUser"), TwoSites);
        Assert.Null(metadata);
        Assert.Contains(errors, e => e.Contains("not a name"));
    }

    [Fact]
    public void Participants_FollowTheStudysOwnPattern_WhenItHasOne()
    {
        var strict = TwoSites with { ParticipantIdPattern = "^P[0-9]{3}$" };
        Assert.NotNull(UploadMetadataParser.Parse(With("participants", "P017:ServiceUser"), strict).Metadata);
        var (refused, errors) = UploadMetadataParser.Parse(With("participants", "SU1:ServiceUser"), strict);
        Assert.Null(refused);
        Assert.Contains(errors, e => e.Contains("^P[0-9]{3}$"));
    }

    [Fact]
    public void Notes_AreKeptAsFreeText_AndWithoutFreeTextDropsThemWithTheInterviewer()
    {
        var (metadata, _) = UploadMetadataParser.Parse(With("notes", "Met at the drop-in"), TwoSites);
        Assert.Equal("Met at the drop-in", metadata!.Notes);
        var stripped = metadata.WithoutFreeText();
        Assert.Null(stripped.Interviewer);
        Assert.Null(stripped.Notes);
        Assert.Equal(metadata.Participants, stripped.Participants);
    }

    [Fact]
    public void FreeText_LongerThanTheLimit_IsRefused()
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("notes", new string('x', 2001)), TwoSites);
        Assert.Null(metadata);
        Assert.Contains(errors, e => e.StartsWith("notes are longer than"));
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("cy")]
    [InlineData("zh-Hant-TW")]
    public void Parse_LanguageTag_IsKept(string language)
    {
        var (metadata, errors) = UploadMetadataParser.Parse(With("language", language), TwoSites);

        Assert.Empty(errors);
        Assert.Equal(language, metadata!.Language);
    }

    [Theory]
    [InlineData("en\u0000../../x")]
    [InlineData("en-GB\u202E")]
    [InlineData("english please")]
    public void Parse_LanguageThatIsNotATag_IsRefused(string language)
    {
        // It used to be taken as it came, into the status row and the engines' requests.
        var (_, errors) = UploadMetadataParser.Parse(With("language", language), TwoSites);

        Assert.Contains("language must be a language tag such as en-GB or cy.", errors);
    }

    [Fact]
    public void Parse_FreeTextTooLongOnceEscapedForStorage_IsRefused()
    {
        // 2,000 letters each are within the per-field limit, but escape to 30,000 characters: more
        // than the 8 KB of blob metadata they are stored in.
        var fields = With("notes", new string('\u4E2D', 2000));
        fields["interviewer"] = new string('\u00FC', 2000);

        var (_, errors) = UploadMetadataParser.Parse(fields, TwoSites);

        Assert.Contains(errors, e => e.StartsWith("interviewer and notes are too long to store together (30000 characters", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_FreeTextThatFitsOnceEscaped_IsAccepted()
    {
        var (_, errors) = UploadMetadataParser.Parse(With("notes", new string('\u00FC', 1000)), TwoSites);

        Assert.Empty(errors);
    }
}
