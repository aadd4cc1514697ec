using System.Text.RegularExpressions;
using Workflow.Integration.Tests.Infrastructure;

namespace Workflow.Integration.Tests.EndToEnd;

/// <summary>
/// The <c>workflow</c> command line, run as its own process against the local runner over HTTP only:
/// upload a folder with a metadata sheet (twice: the second time everything is a duplicate), watch
/// until every recording waits for coders, run a coding batch and follow it, and, once coders have
/// decided everything, export the coded segments as CSV.
/// </summary>
public sealed partial class CommandLineEndToEndTests(RunnerFixture fixture) : IClassFixture<RunnerFixture>, IDisposable
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(4);
    private readonly string _dir = Directory.CreateTempSubdirectory("cli-e2e-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Task<CliProcess.Result> Workflow(params string[] args) =>
        CliProcess.RunAsync(CommandTimeout, [.. args, "--api", fixture.Runner.BaseAddress.ToString(), "--user", "cli-lead", "--roles", "Lead"]);

    [Fact]
    public async Task UploadWatchBatchAndExport_ThroughTheCommandLine()
    {
        var study = Azurite.UniqueStudyId("cli");
        await fixture.Api.SetUpStudyAsync(study);
        await fixture.Api.AddMemberAsync(study, "cli-lead", "Lead");
        var folder = Path.Combine(_dir, "interviews");
        Directory.CreateDirectory(folder);
        var sample = await File.ReadAllTextAsync(RepositoryPaths.Sample("transcripts/interview-service-user.txt"));
        await File.WriteAllTextAsync(Path.Combine(folder, "first.txt"), sample);
        // A second interview: different content, so not a duplicate of the first.
        await File.WriteAllTextAsync(Path.Combine(folder, "second.txt"), sample + "\nInterviewer: Anything else about the forum?\n\nParticipant: Only that nobody told me there was a forum until the consultation day.\n");
        var metadata = Path.Combine(_dir, "metadata.csv");
        await File.WriteAllTextAsync(metadata, """
            file,siteId,format,participants,recordedOn,consentRecording,consentTranscription,consentQuotation,consentArchiving,language,interviewer,notes
            first.txt,site-a,interview,P001:ServiceUser,2006-05-03,true,true,true,false,en-GB,SP,"first visit, at the hub"
            second.txt,site-a,interview,P002:ServiceUser,2006-05-04,yes,yes,no,no,en-GB,SP,
            """);

        var upload = await Workflow("upload", folder, "--study", study, "--metadata", metadata);
        Assert.True(upload.ExitCode == 0, upload.ToString());
        var ids = RecordingId().Matches(upload.Out).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(2, ids.Count);
        Assert.Contains("2 uploaded, 0 duplicate(s), 0 refused.", upload.Out);

        var again = await Workflow("upload", folder, "--study", study, "--metadata", metadata);
        Assert.True(again.ExitCode == 0, again.ToString());
        Assert.Contains("0 uploaded, 2 duplicate(s), 0 refused.", again.Out);
        Assert.Equal(ids.Order(), RecordingId().Matches(again.Out).Select(m => m.Value).Distinct().Order());

        var waiting = await Workflow("watch", "--study", study, "--until", "waiting", "--interval", "0.5", "--timeout", "200");
        Assert.True(waiting.ExitCode == 0, waiting.ToString());
        Assert.Contains("2/2 waiting for coders or completed", waiting.Out);

        var batch = await Workflow("batch", "--study", study, "--stage", "coding", "--request-id", "cli-recode-" + study, "--interval", "0.5");
        Assert.True(batch.ExitCode == 0, batch.ToString());
        Assert.Contains("2 recordings, 2 done, 0 failed", batch.Out);
        var operation = Regex.Match(batch.Out, @"^(\S+): coding batch started\.", RegexOptions.Multiline | RegexOptions.IgnoreCase);
        Assert.True(operation.Success, batch.ToString());

        // A batch that has ended cannot be cancelled: the API's reason is printed, exit 1.
        var cancel = await Workflow("batch", "--cancel", operation.Groups[1].Value, "--study", study);
        Assert.Equal(1, cancel.ExitCode);
        Assert.Contains("already ended", cancel.Err);

        var decided = await fixture.Api.DecideEverythingAsync(study);
        Assert.True(decided.Codes > 0, "no code suggestions were queued");
        var completed = await Workflow("watch", "--study", study, "--until", "completed", "--interval", "0.5", "--timeout", "200");
        Assert.True(completed.ExitCode == 0, completed.ToString());

        var csv = Path.Combine(_dir, "out", "codes.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(csv)!);
        var export = await Workflow("export", "--study", study, "--format", "csv", "--out", csv);
        Assert.True(export.ExitCode == 0, export.ToString());
        var lines = await File.ReadAllLinesAsync(csv);
        Assert.StartsWith("study_id,site_id", lines[0]);
        Assert.True(lines.Length > 2, "the export has no coded segments");
        Assert.Contains(lines, l => l.StartsWith(study + ","));
        Assert.Contains(lines, l => l.Contains(ids[0]));
        Assert.Contains(lines, l => l.Contains(ids[1]));
        Assert.DoesNotContain("Penhale", string.Join('\n', lines));
        Assert.Equal(["codes.csv"], Directory.GetFiles(Path.GetDirectoryName(csv)!).Select(Path.GetFileName));

        var unknown = await Workflow("export", "--study", "no-such-study-" + study, "--format", "csv", "--out", Path.Combine(_dir, "out", "none.csv"));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no-such-study-", unknown.Err);
        Assert.False(File.Exists(Path.Combine(_dir, "out", "none.csv")));
    }

    [GeneratedRegex(@"\brec-[0-9a-f]{20}\b")]
    private static partial Regex RecordingId();
}
