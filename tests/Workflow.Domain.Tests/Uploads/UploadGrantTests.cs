using Workflow.Domain.Uploads;

namespace Workflow.Domain.Tests.Uploads;

public class UploadGrantTests
{
    private static readonly DateTimeOffset Granted = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private static UploadGrant Grant(string fileName = "Darren Smith interview.WAV") => new(
        "study-1", UploadGrantNames.NewGrantId(), fileName, "audio/wav", 1234,
        new Dictionary<string, string> { ["participants"] = "P017:ServiceUser", ["interviewer"] = "Sam Patel" },
        "interviewer-1", Granted, Granted.AddHours(2));

    [Fact]
    public void TheBlobName_KeepsOnlyTheLowerCaseExtension_NotTheNameThatMayNameSomeone()
    {
        var grant = Grant();
        Assert.Equal($"study-1/sas-{grant.GrantId}.wav", grant.BlobName);
        Assert.Equal(grant.GrantId, UploadGrantNames.GrantIdOf(grant.BlobName["study-1/".Length..]));
    }

    [Theory]
    [InlineData("interview", "")]
    [InlineData("a.b.TXT", ".txt")]
    [InlineData("odd.ext-with-dash", "")]
    [InlineData("far.toolongextension", "")]
    public void Extensions_AreKeptOnlyWhenPlain(string fileName, string expected) =>
        Assert.Equal(expected, UploadGrantNames.ExtensionOf(fileName));

    [Theory]
    [InlineData("sas-0123456789abcdef0123456789abcdef.wav", true)]
    [InlineData("sas-0123456789abcdef0123456789abcdef", true)]
    [InlineData("sas-0123456789ABCDEF0123456789abcdef.wav", false)]
    [InlineData("sas-0123.wav", false)]
    [InlineData("sas-0123456789abcdef0123456789abcdef.wav.exe", false)]
    public void OnlyExactGrantNames_YieldAGrantId(string fileName, bool parses)
    {
        Assert.True(UploadGrantNames.HasGrantPrefix(fileName));
        Assert.Equal(parses, UploadGrantNames.GrantIdOf(fileName) is not null);
    }

    [Fact]
    public void PlainDroppedFiles_DoNotLookLikeGrants() =>
        Assert.False(UploadGrantNames.HasGrantPrefix("field-interview.wav"));

    [Fact]
    public void GrantIds_AreRandomAndWellFormed()
    {
        var ids = Enumerable.Range(0, 100).Select(_ => UploadGrantNames.NewGrantId()).ToHashSet();
        Assert.Equal(100, ids.Count);
        Assert.All(ids, id => Assert.True(UploadGrantNames.IsGrantId(id)));
    }

    [Fact]
    public void Accepting_ForgetsTheFileNameAndFields_AndKeepsTheRecording()
    {
        var accepted = Grant().Accept("rec-1", duplicate: false, Granted.AddMinutes(5));
        Assert.Equal(UploadGrantState.Accepted, accepted.State);
        Assert.Equal("rec-1", accepted.RecordingId);
        Assert.Equal(".wav", accepted.FileName);
        Assert.Empty(accepted.Fields);
        Assert.Equal(Grant().BlobName[..Grant().BlobName.IndexOf('/')], accepted.BlobName[..accepted.BlobName.IndexOf('/')]);
        Assert.EndsWith(".wav", accepted.BlobName);
    }

    [Fact]
    public void AWaitingGrant_ExpiresWithItsUrl_ButAcceptedAndRefusedOnesSayWhatHappened()
    {
        var grant = Grant();
        Assert.Equal(UploadGrantState.Waiting, grant.StateAt(Granted.AddHours(1)));
        Assert.Equal(UploadGrantState.Expired, grant.StateAt(Granted.AddHours(2)));
        Assert.Equal(UploadGrantState.Refused, grant.Refuse("too short", Granted.AddMinutes(1)).StateAt(Granted.AddDays(1)));
        Assert.Equal(UploadGrantState.Accepted, grant.Accept("rec-1", false, Granted.AddMinutes(1)).StateAt(Granted.AddDays(1)));
    }
}
