using System.Diagnostics;
using Workflow.Cli.Api;
using Workflow.Cli.Progress;
using Workflow.Cli.Uploads;

namespace Workflow.Cli.Commands;

/// <summary>
/// <c>workflow upload FOLDER --study S [--metadata metadata.csv]</c>: checks the whole sheet first and
/// uploads nothing if any row is bad; then uploads each file with a progress bar and prints its
/// recording id. Re-running is safe: files the study has already are reported as duplicates.
/// <c>--via direct</c> sends the bytes straight to storage with an upload grant (<see cref="DirectUpload"/>);
/// <c>--via auto</c>, the default, does so for files over 32 MB, and HTTP for smaller ones.
/// </summary>
internal static class UploadCommand
{
    public const string Usage = "workflow upload FOLDER --study S [--metadata metadata.csv] [--interviewer INITIALS] [--via auto|http|direct] [--api URL] [--user U --roles R | --bearer TOKEN]";

    private static readonly string[] Options = [.. ApiConnection.Options, "--study", "--metadata", "--interviewer", "--via"];

    public static async Task<int> RunAsync(IEnumerable<string> args, CliContext cli)
    {
        var a = Arguments.Parse(args, Options);
        if (a.Positional.Count != 1) throw new UsageException("upload takes one FOLDER.");
        var folder = a.Positional[0];
        var study = a.Required("--study");
        var connection = ApiConnection.From(a.Option, cli.Environment);
        if (!Directory.Exists(folder)) throw new UsageException($"no such folder: {folder}");
        var via = a.Option("--via") ?? "auto";
        if (via is not ("auto" or "http" or "direct")) throw new UsageException("--via must be auto, http or direct.");
        var metadataPath = a.Option("--metadata") ?? Path.Combine(folder, "metadata.csv");
        if (!File.Exists(metadataPath)) throw new UsageException($"no metadata sheet at {metadataPath} (pass --metadata FILE).");

        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().ToList();
        var sheet = MetadataSheet.Check(await File.ReadAllTextAsync(metadataPath, cli.Cancellation), folder, files, a.Option("--interviewer") ?? cli.Environment("WORKFLOW_INTERVIEWER"));
        if (!sheet.IsValid)
        {
            foreach (var error in sheet.Errors) await cli.Error.WriteLineAsync("error: " + error);
            await cli.Error.WriteLineAsync($"{sheet.Errors.Count} problem(s) in {metadataPath}; nothing was uploaded.");
            return 1;
        }

        using var api = cli.Client(connection);
        var display = new LiveDisplay(cli.Out, cli.Interactive, cli.Width);
        var (uploaded, duplicates, refused) = (0, 0, 0);
        foreach (var row in sheet.Rows)
        {
            var size = new FileInfo(row.FilePath).Length;
            if (!cli.Interactive) await cli.Out.WriteLineAsync($"{row.FileName}: uploading {ProgressText.Bytes(size)}");
            var sent = new ThrottledProgress(bytes => { if (cli.Interactive) display.Show([ProgressText.UploadLine(row.FileName, bytes, size)]); });
            try
            {
                var direct = via == "direct" || (via == "auto" && size > DirectUpload.AutoThresholdBytes);
                var result = direct
                    ? await DirectUpload.RunAsync(api, study, row.FilePath, row.FileName, row.Fields, sent, TimeSpan.FromSeconds(1), cli.Cancellation)
                    : await api.UploadAsync(study, row.FilePath, row.FileName, row.Fields, sent, cli.Cancellation);
                sent.Flush();
                display.Finish();
                await cli.Out.WriteLineAsync($"{row.FileName}: {result.RecordingId}{(result.Duplicate ? " (duplicate: already uploaded to this study)" : "")}");
                if (result.Duplicate) duplicates++; else uploaded++;
            }
            catch (Exception e) when (e is ApiProblemException or Azure.RequestFailedException)
            {
                display.Finish();
                // The host (or storage, for a direct upload) refused this file, a site or participant
                // code it does not know, say: the others still go.
                var reason = e is Azure.RequestFailedException storage ? $"storage refused the upload ({storage.Status} {storage.ErrorCode})." : e.Message;
                if (cli.Interactive) await cli.Out.WriteLineAsync();
                await cli.Error.WriteLineAsync($"error: {row.FileName} (line {row.Line}): {reason}");
                refused++;
            }
        }
        await cli.Out.WriteLineAsync($"{uploaded} uploaded, {duplicates} duplicate(s), {refused} refused.");
        return refused > 0 ? 1 : 0;
    }

    /// <summary>Passes on byte counts at most every 100 ms (a redraw per 64 KB chunk would flood a terminal).</summary>
    private sealed class ThrottledProgress(Action<long> show) : IProgress<long>
    {
        private readonly Stopwatch _since = Stopwatch.StartNew();
        private long _last = -1;
        private long _latest;

        public void Report(long value)
        {
            _latest = value;
            if (_last >= 0 && _since.ElapsedMilliseconds < 100) return;
            Flush();
        }

        public void Flush()
        {
            if (_latest == _last) return;
            _last = _latest;
            _since.Restart();
            show(_latest);
        }
    }
}
