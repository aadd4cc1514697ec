using Workflow.Api.Uploads;
using Workflow.Domain.Recordings;

namespace Workflow.Api.Tests.Uploads;

public class UploadKindsTests
{
    private static readonly string[] TranscriptExtensions = [".txt", ".docx", ".vtt", ".TextGrid"];

    [Theory]
    [InlineData("interview.wav")]
    [InlineData("interview.MP3")]
    [InlineData("focus group 3.M4a")]
    [InlineData("call.opus")]
    [InlineData("archive.2024.flac")]
    public void KindOf_AudioExtensionInAnyCase_IsAudio(string fileName) =>
        Assert.Equal(SourceKind.Audio, UploadKinds.KindOf(fileName, TranscriptExtensions));

    [Theory]
    [InlineData("interview.txt")]
    [InlineData("interview.DOCX")]
    [InlineData("captions.vtt")]
    [InlineData("praat.textgrid")]
    public void KindOf_TranscriptExtensionInAnyCase_IsTranscript(string fileName) =>
        Assert.Equal(SourceKind.Transcript, UploadKinds.KindOf(fileName, TranscriptExtensions));

    [Theory]
    [InlineData("interview.pdf")]
    [InlineData("interview")]
    [InlineData("wav")]
    [InlineData("interview.wav.exe")]
    public void KindOf_UnknownExtension_IsNull(string fileName) =>
        Assert.Null(UploadKinds.KindOf(fileName, TranscriptExtensions));

    [Fact]
    public void KindOf_TranscriptExtensionNotConfigured_IsNull() =>
        Assert.Null(UploadKinds.KindOf("interview.docx", [".txt"]));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("application/octet-stream")]
    [InlineData("binary/octet-stream")]
    [InlineData("audio/wav")]
    [InlineData("Audio/MPEG; charset=binary")]
    [InlineData("video/webm")]
    [InlineData("video/mp4")]
    [InlineData("application/ogg")]
    public void ContentTypeFits_AudioWithFittingOrGenericType_IsTrue(string? contentType) =>
        Assert.True(UploadKinds.ContentTypeFits(SourceKind.Audio, contentType));

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/pdf")]
    [InlineData("video/quicktime")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    public void ContentTypeFits_AudioDeclaredAsSomethingElse_IsFalse(string contentType) =>
        Assert.False(UploadKinds.ContentTypeFits(SourceKind.Audio, contentType));

    [Theory]
    [InlineData(null)]
    [InlineData("application/octet-stream")]
    [InlineData("text/plain; charset=utf-8")]
    [InlineData("text/vtt")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("application/x-praat-textgrid")]
    public void ContentTypeFits_TranscriptWithFittingOrGenericType_IsTrue(string? contentType) =>
        Assert.True(UploadKinds.ContentTypeFits(SourceKind.Transcript, contentType));

    [Theory]
    [InlineData("audio/wav")]
    [InlineData("application/pdf")]
    [InlineData("image/png")]
    public void ContentTypeFits_TranscriptDeclaredAsSomethingElse_IsFalse(string contentType) =>
        Assert.False(UploadKinds.ContentTypeFits(SourceKind.Transcript, contentType));
}
