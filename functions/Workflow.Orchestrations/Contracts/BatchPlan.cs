namespace Workflow.Orchestrations.Contracts;

/// <summary>How many recordings a batch re-runs and skips; the lists themselves are in <see cref="Storage.StudyBatchRecords"/>.</summary>
public sealed record BatchPlanSummary(int Eligible, int Skipped, int Busy = 0);

/// <summary>Input of the activity that looks again at the recordings a batch skipped because they were running.</summary>
public sealed record BusyRecheckInput(BatchInput Batch, int AppendAt);

/// <summary>How many of them can run now (appended to the targets) and how many are still running.</summary>
public sealed record BusyRecheckSummary(int NowEligible, int StillBusy);

/// <summary>A recording to re-run: ids and the name of its stored upload, no content.</summary>
public sealed record RerunTarget(string RecordingId, Domain.Recordings.SourceKind Source, string BlobName, string FileName)
{
    public static RerunTarget Of(Domain.Recordings.Recording r) =>
        new(r.Id, r.Source, Storage.RawUploadRepository.NameOf(r.StudyId, r.Id, Path.GetExtension(r.FileName)), r.FileName);
}

/// <summary>Input of the activity that reads the next targets of a batch.</summary>
public sealed record BatchSliceInput(string BatchId, int From, int Count);

/// <summary>Input of the activity that records what a recording's re-run came to.</summary>
public sealed record BatchResultInput(string BatchId, RerunOutcome Outcome);
