using Workflow.Api.Uploads;
using Workflow.Domain.Recordings;
using Workflow.Domain.Studies;

namespace Workflow.Api.Tests.Uploads;

public class UploadCheckTests
{
    private static readonly Study Study = new("study-a", "Study A", [new Site("north", "North")], DateTimeOffset.UnixEpoch);
    private static readonly string[] TranscriptExtensions = [".txt", ".vtt"];

    private static readonly Dictionary<string, string> ValidFields = new()
    {
        ["siteId"] = "north",
        ["format"] = "interview",
        ["participants"] = "P017:ServiceUser",
        ["interviewer"] = "JS",
        ["consentRecording"] = "true",
        ["consentTranscription"] = "true",
    };

    [Fact]
    public void Check_AudioWithValidMetadata_IsAccepted()
    {
        var result = UploadCheck.Check("Interview.WAV", "audio/wav", ValidFields, Study, TranscriptExtensions, out var refusal);

        Assert.Null(refusal);
        Assert.NotNull(result);
        Assert.Equal(SourceKind.Audio, result.Value.Kind);
        Assert.Equal("north", result.Value.Metadata.SiteId);
    }

    [Fact]
    public void Check_TranscriptWithoutContentType_IsAccepted()
    {
        var result = UploadCheck.Check("interview.txt", null, ValidFields, Study, TranscriptExtensions, out var refusal);

        Assert.Null(refusal);
        Assert.Equal(SourceKind.Transcript, result!.Value.Kind);
    }

    [Fact]
    public void Check_UnknownExtension_IsRefusedAsUnsupportedTypeListingTheAcceptedOnes()
    {
        var result = UploadCheck.Check("interview.pdf", "application/pdf", ValidFields, Study, TranscriptExtensions, out var refusal);

        Assert.Null(result);
        Assert.NotNull(refusal);
        Assert.True(refusal.UnsupportedType);
        var error = Assert.Single(refusal.Errors);
        Assert.StartsWith("'.pdf' files are not accepted.", error);
        Assert.Contains(".wav", error);
        Assert.Contains(".txt .vtt", error);
    }

    [Fact]
    public void Check_ContentTypeContradictingTheExtension_IsRefusedAsUnsupportedType()
    {
        var result = UploadCheck.Check("interview.wav", "text/plain", ValidFields, Study, TranscriptExtensions, out var refusal);

        Assert.Null(result);
        Assert.True(refusal!.UnsupportedType);
        Assert.Equal("The file is named as audio but declared as 'text/plain'.", Assert.Single(refusal.Errors));
    }

    [Fact]
    public void Check_UnsupportedTypeAndBadMetadata_ReportsTheTypeFirst()
    {
        var result = UploadCheck.Check("interview.pdf", null, new Dictionary<string, string>(), Study, TranscriptExtensions, out var refusal);

        Assert.Null(result);
        Assert.True(refusal!.UnsupportedType);
        Assert.Single(refusal.Errors);
    }

    [Fact]
    public void Check_KnownTypeWithBadMetadata_IsRefusedWithEveryMetadataError()
    {
        var fields = new Dictionary<string, string>(ValidFields) { ["siteId"] = "east", ["format"] = "survey" };

        var result = UploadCheck.Check("interview.mp3", "audio/mpeg", fields, Study, TranscriptExtensions, out var refusal);

        Assert.Null(result);
        Assert.False(refusal!.UnsupportedType);
        Assert.Equal(2, refusal.Errors.Count);
    }

    [Fact]
    public void Check_FileNameLongerThan255Bytes_IsRefused()
    {
        // The original name is kept, URI-escaped, in the raw upload's 8 KB of blob metadata.
        var name = new string('\u00E9', 128) + ".txt";

        Assert.Null(UploadCheck.Check(name, null, ValidFields, Study, TranscriptExtensions, out var refusal));

        Assert.False(refusal!.UnsupportedType);
        Assert.Equal(["The file name is longer than 255 bytes; rename the file."], refusal.Errors);
    }
}
