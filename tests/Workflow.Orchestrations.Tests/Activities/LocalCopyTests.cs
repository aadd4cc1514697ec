using Workflow.Orchestrations.Activities;

namespace Workflow.Orchestrations.Tests.Activities;

public class LocalCopyTests
{
    [Fact]
    public void SweepLeftovers_DeletesAudioCopiesAndPartialUploads_AndNothingElse()
    {
        var work = Path.Combine(Path.GetTempPath(), "sweep-" + Guid.NewGuid().ToString("N"));
        var copy = Directory.CreateDirectory(Path.Combine(work, "rec-123-abcd")).FullName;
        File.WriteAllText(Path.Combine(copy, "source.wav"), "identifiable");
        File.WriteAllText(Path.Combine(work, "upload-0123"), "identifiable");
        File.WriteAllText(Path.Combine(work, "keep.txt"), "not ours");
        try
        {
            LocalCopy.SweepLeftovers(work);

            Assert.False(Directory.Exists(copy));
            Assert.False(File.Exists(Path.Combine(work, "upload-0123")));
            Assert.True(File.Exists(Path.Combine(work, "keep.txt")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public void SweepLeftovers_MissingFolder_NeitherThrowsNorCreatesIt()
    {
        var missing = Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid().ToString("N"));

        Assert.Null(Record.Exception(() => LocalCopy.SweepLeftovers(missing)));
        Assert.False(Directory.Exists(missing));
    }
}
