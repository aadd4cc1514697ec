using System.Text.Json;
using Workflow.Tests.Shared;

namespace Workflow.Cli.Tests;

public sealed class DeidentifyCommandTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "cli-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    private static string Sample(string relative) => Path.Combine(EvalData.RepositoryRoot, "samples", relative);

    private static async Task<(int Code, string Out, string Err)> RunAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = await DeidentifyCommand.RunAsync(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task ALocalTranscript_IsDeidentified_WithoutAServer_AndTheFindingsAreOwnerOnly()
    {
        var (code, output, _) = await RunAsync("deidentify", Sample("transcripts/interview-service-user.txt"), "--identifiers", Sample("identifiers.json"), "--out", _out);

        Assert.Equal(0, code);
        Assert.Contains("detectors: study-list+rules", output);
        var deidentified = await File.ReadAllTextAsync(Path.Combine(_out, "interview-service-user.deidentified.json"));
        Assert.DoesNotContain("Stuart Penhale", deidentified);
        Assert.DoesNotContain("Kitto", deidentified);
        Assert.Contains("[PERSON_1]", deidentified);
        var findingsPath = Path.Combine(_out, "interview-service-user.findings.json");
        using var findings = JsonDocument.Parse(await File.ReadAllTextAsync(findingsPath));
        Assert.Contains(findings.RootElement.EnumerateArray(), f => f.GetProperty("text").GetString() == "Stuart Penhale");
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(findingsPath));
        // What is printed is counts only, never the identifiers.
        Assert.DoesNotContain("Penhale", output);
    }

    [Fact]
    public async Task FindingsFromAnEarlierRun_ReadableByOthers_AreReplacedOwnerOnly()
    {
        // Creating a file owner-only does not narrow one that already exists: the command must replace it.
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateDirectory(_out);
        var findingsPath = Path.Combine(_out, "interview-service-user.findings.json");
        await File.WriteAllTextAsync(findingsPath, "[]");
        File.SetUnixFileMode(findingsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var (code, _, err) = await RunAsync("deidentify", Sample("transcripts/interview-service-user.txt"), "--identifiers", Sample("identifiers.json"), "--detectors", "rules", "--out", _out);

        Assert.True(code == 0, err);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(findingsPath));
        Assert.Contains("Penhale", await File.ReadAllTextAsync(findingsPath));
    }

    [Theory]
    [InlineData("deidentify")]
    [InlineData("transcribe", "x.wav")]
    public async Task WrongUsage_ExitsWith2_AndSaysHowToCallIt(params string[] args)
    {
        var (code, _, err) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains("usage: workflow deidentify", err);
    }

    [Fact]
    public async Task AnUnsupportedFile_IsAClearError()
    {
        var path = Path.Combine(_out, "notes.pdf");
        Directory.CreateDirectory(_out);
        await File.WriteAllTextAsync(path, "x");
        var (code, _, err) = await RunAsync("deidentify", path);
        Assert.Equal(2, code);
        Assert.Contains("supported: .docx", err);
    }

    [Fact]
    public async Task AnUnknownDetector_IsAClearError_ListingTheAvailableOnes()
    {
        var (code, _, err) = await RunAsync("deidentify", Sample("transcripts/interview-service-user.txt"), "--detectors", "bogus", "--out", _out);
        Assert.Equal(2, code);
        Assert.Contains("'bogus' is not available", err);
        Assert.Contains("rules", err);
    }
}
