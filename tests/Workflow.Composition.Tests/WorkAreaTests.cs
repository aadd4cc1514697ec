namespace Workflow.Composition.Tests;

public sealed class WorkAreaTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "workarea-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void CreateFolder_IsPrivateToTheOwner_AndDisposingDeletesItWithItsFiles()
    {
        var area = new WorkArea(_root);
        var folder = area.CreateFolder("upload");
        File.WriteAllText(Path.Combine(folder.Path, "a.bin"), "x");

        Assert.StartsWith(area.Root, folder.Path);
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder.Path));
        folder.Dispose();
        Assert.False(Directory.Exists(folder.Path));
    }

    [Fact]
    public void Sweep_RemovesEverythingAKilledHostLeft()
    {
        var area = new WorkArea(_root);
        var left = area.CreateFolder("audio");
        File.WriteAllText(Path.Combine(left.Path, "source.wav"), "audio");
        File.WriteAllText(Path.Combine(_root, "upload-stray"), "partial");

        Assert.Equal(2, area.Sweep());
        Assert.Empty(Directory.EnumerateFileSystemEntries(_root));
        Assert.Equal(0, new WorkArea(Path.Combine(_root, "never-made")).Sweep());
    }

    [Theory]
    [InlineData("")]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("..")]
    public void CreateFolder_RefusesPurposesThatAreNotPlainWords(string purpose) =>
        Assert.Throws<ArgumentException>(() => new WorkArea(_root).CreateFolder(purpose));
}
