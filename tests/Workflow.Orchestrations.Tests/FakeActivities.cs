using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;
using Workflow.Orchestrations.Deletion;
using Workflow.Storage;

namespace Workflow.Orchestrations.Tests;

/// <summary>
/// Stand-ins for the activities, registered under the real activity names, so the real
/// orchestrators run under the real replay engine while the test controls what each stage returns.
/// Records every call in order.
/// </summary>
public sealed class FakeActivities
{
    public ConcurrentQueue<string> Calls { get; } = new();
    public ConcurrentQueue<StageUpdate> Stages { get; } = new();
    public ConcurrentQueue<FailureInput> Failures { get; } = new();

    /// <summary>Items still undecided; the fake progress activity reports this many pending out of <see cref="TotalItems"/>.</summary>
    public int PendingItems;
    public int TotalItems = 3;

    /// <summary>Per-activity override: throw to simulate a failing stage.</summary>
    public ConcurrentDictionary<string, Func<int, Exception?>> Throw { get; } = new();

    public List<string> Eligible { get; } = [];

    /// <summary>Recordings whose coding fails with a reason the user must act on (not retried).</summary>
    public HashSet<string> FailCodingFor { get; } = [];

    /// <summary>How long the fake coding takes, so tests can see how many recordings run at once.</summary>
    public TimeSpan CodingTakes = TimeSpan.Zero;

    /// <summary>Most recordings seen in coding at the same moment.</summary>
    public int MostCodingAtOnce => Volatile.Read(ref _mostCoding);

    /// <summary>Starts orchestrations for <see cref="StartVerificationWaitActivity"/> (the test host's client).</summary>
    public Func<StartOrchestrationInput, Task>? Starter;

    public ConcurrentQueue<BatchLockInput> Released { get; } = new();

    /// <summary>What <see cref="RecordBatchResultActivity"/> was given, by recording.</summary>
    public ConcurrentDictionary<string, RerunOutcome> Results { get; } = new();

    /// <summary>What <see cref="PlanTranscriptionActivity"/> answers: by default one local activity.</summary>
    public TranscriptionPlan Plan = new("fake", Batch: false, AlreadyDone: false);

    /// <summary>How many chunks the fake preparation plans.</summary>
    public int Chunks = 3;

    /// <summary>Chunks transcribed, in the order they ran.</summary>
    public ConcurrentQueue<int> ChunksTranscribed { get; } = new();

    /// <summary>Successive answers of the submit activity; when empty, the job "job-1".</summary>
    public ConcurrentQueue<SubmitOutcome> SubmitReplies { get; } = new();

    /// <summary>Successive answers of the job check; when empty, the job has succeeded.</summary>
    public ConcurrentQueue<JobCheck> CheckReplies { get; } = new();

    /// <summary>When each activity ran, to measure the monitor's timers.</summary>
    public ConcurrentQueue<(string Name, DateTime At)> Timeline { get; } = new();

    public ConcurrentQueue<TranscriptionJobRef> DeletedJobs { get; } = new();

    public ConcurrentQueue<RecordingPipelineInput> Submitted { get; } = new();

    /// <summary>Successive answers of the deletion's stop activity (instances not yet ended); when empty, 0.</summary>
    public ConcurrentQueue<int> StillRunning { get; } = new();

    /// <summary>What each erasure of a deletion reports.</summary>
    public ErasureReport Erasure = new(6, 4, 1, 2);

    public ConcurrentQueue<DeletionOutcome> CompletedDeletions { get; } = new();

    private int _coding, _mostCoding;

    private readonly ConcurrentDictionary<string, int> _attempts = new();

    private void Enter(string name)
    {
        var attempt = _attempts.AddOrUpdate(name, 1, (_, n) => n + 1);
        Calls.Enqueue(name);
        Timeline.Enqueue((name, DateTime.UtcNow));
        if (Throw.TryGetValue(name, out var make) && make(attempt) is { } e) throw e;
    }

    public int Attempts(string name) => _attempts.GetValueOrDefault(name);

    /// <summary>What the batch's targets are uploads of.</summary>
    public SourceKind TargetSource { get; set; } = SourceKind.Transcript;

    private static string Extension(SourceKind source) => source == SourceKind.Audio ? ".wav" : ".txt";

    public void Register(DurableTaskRegistry r)
    {
        r.AddActivityFunc<StageUpdate, bool>(nameof(UpdateRecordingStageActivity), (_, s) => { Enter(nameof(UpdateRecordingStageActivity)); Stages.Enqueue(s); return true; });
        r.AddActivityFunc<FailureInput, bool>(nameof(MarkRecordingFailedActivity), (_, f) => { Enter(nameof(MarkRecordingFailedActivity)); Failures.Enqueue(f); return true; });
        r.AddActivityFunc<RecordingPipelineInput, IngestResult>(nameof(IngestRecordingActivity), (_, i) => { Enter(nameof(IngestRecordingActivity)); return new IngestResult(i.Source, 1, 1, "fake"); });
        r.AddActivityFunc<RecordingPipelineInput, TranscriptionSummary>(nameof(TranscribeRecordingActivity), (_, _) => { Enter(nameof(TranscribeRecordingActivity)); return new TranscriptionSummary("fake", 1, 1, 1, 1, false); });
        r.AddActivityFunc<RecordingPipelineInput, TranscriptionPlan>(nameof(PlanTranscriptionActivity), (_, _) => { Enter(nameof(PlanTranscriptionActivity)); return Plan; });
        r.AddActivityFunc<RecordingPipelineInput, int>(nameof(PrepareTranscriptionChunksActivity), (_, _) => { Enter(nameof(PrepareTranscriptionChunksActivity)); return Chunks; });
        r.AddActivityFunc<TranscriptionChunkInput, int>(nameof(TranscribeChunkActivity), (_, c) => { Enter(nameof(TranscribeChunkActivity)); ChunksTranscribed.Enqueue(c.Chunk); return c.Chunk; });
        r.AddActivityFunc<RecordingPipelineInput, TranscriptionSummary>(nameof(AssembleTranscriptActivity), (_, _) => { Enter(nameof(AssembleTranscriptActivity)); return new TranscriptionSummary("fake-chunked", 4, 20, 90, 30, false); });
        r.AddActivityFunc<RecordingPipelineInput, SubmitOutcome>(nameof(SubmitTranscriptionJobActivity), (_, i) =>
        {
            Enter(nameof(SubmitTranscriptionJobActivity));
            Submitted.Enqueue(i);
            return SubmitReplies.TryDequeue(out var reply) ? reply : new SubmitOutcome("job-1");
        });
        r.AddActivityFunc<TranscriptionJobRef, JobCheck>(nameof(CheckTranscriptionJobActivity), (_, _) =>
        {
            Enter(nameof(CheckTranscriptionJobActivity));
            return CheckReplies.TryDequeue(out var reply) ? reply : new JobCheck(BatchJobState.Succeeded);
        });
        r.AddActivityFunc<TranscriptionJobRef, TranscriptionSummary>(nameof(StoreTranscriptionResultActivity), (_, _) => { Enter(nameof(StoreTranscriptionResultActivity)); return new TranscriptionSummary("fake-batch", 3, 11, 7.5, 0, false); });
        r.AddActivityFunc<RecordingTarget, int>(nameof(StopRecordingWorkActivity), (_, _) => { Enter(nameof(StopRecordingWorkActivity)); return StillRunning.TryDequeue(out var n) ? n : 0; });
        r.AddActivityFunc<RecordingTarget, ErasureReport>(nameof(EraseRecordingActivity), (_, _) => { Enter(nameof(EraseRecordingActivity)); return Erasure; });
        r.AddActivityFunc<RecordingTarget, int>(nameof(PurgeRecordingHistoryActivity), (_, _) => { Enter(nameof(PurgeRecordingHistoryActivity)); return 3; });
        r.AddActivityFunc<DeletionOutcome, bool>(nameof(CompleteRecordingDeletionActivity), (_, outcome) => { Enter(nameof(CompleteRecordingDeletionActivity)); CompletedDeletions.Enqueue(outcome); return true; });
        r.AddActivityFunc<TranscriptionJobRef, bool>(nameof(DeleteTranscriptionJobActivity), (_, job) => { Enter(nameof(DeleteTranscriptionJobActivity)); DeletedJobs.Enqueue(job); return true; });
        r.AddActivityFunc<RecordingRef, DeidentificationSummary>(nameof(DeidentifyTranscriptActivity), (_, _) => { Enter(nameof(DeidentifyTranscriptActivity)); return new DeidentificationSummary(1, 1, 1); });
        r.AddActivityFunc<AudioRedactionInput, AudioRedactionSummary>(nameof(RedactAudioActivity), (_, _) => { Enter(nameof(RedactAudioActivity)); return new AudioRedactionSummary(true, 2, 1.5, null); });
        r.AddActivityFunc<RecordingRef, CodingSummary>(nameof(CodeTranscriptActivity), (_, rec) => Code(rec));
        r.AddActivityFunc<EnqueueVerificationInput, VerificationProgress>(nameof(EnqueueVerificationActivity), (_, _) => { Enter(nameof(EnqueueVerificationActivity)); return Progress(); });
        r.AddActivityFunc<RecordingRef, VerificationProgress>(nameof(GetVerificationProgressActivity), (_, _) => { Enter(nameof(GetVerificationProgressActivity)); return Progress(); });
        r.AddActivityFunc<SupersedeInput, int>(nameof(SupersedePendingItemsActivity), (_, _) => { Enter(nameof(SupersedePendingItemsActivity)); return 0; });
        r.AddActivityFunc<RecordingRef, FinalizeSummary>(nameof(FinalizeRecordingActivity), (_, _) => { Enter(nameof(FinalizeRecordingActivity)); return new FinalizeSummary(1, 1, 1, 0); });
        r.AddActivityFunc<BatchInput, BatchPlanSummary>(nameof(PlanBatchActivity), (_, _) => { Enter(nameof(PlanBatchActivity)); return new BatchPlanSummary(Eligible.Count, 1); });
        r.AddActivityFunc<BatchSliceInput, IReadOnlyList<RerunTarget>>(nameof(TakeBatchTargetsActivity), (_, slice) =>
        {
            Enter(nameof(TakeBatchTargetsActivity));
            return Eligible.Skip(slice.From).Take(slice.Count).Select(id => new RerunTarget(id, TargetSource, $"s/{id}/source{Extension(TargetSource)}", $"source{Extension(TargetSource)}")).ToList();
        });
        r.AddActivityFunc<BatchResultInput, bool>(nameof(RecordBatchResultActivity), (_, result) => { Enter(nameof(RecordBatchResultActivity)); Results[result.Outcome.RecordingId] = result.Outcome; return true; });
        r.AddActivityFunc<ReconcileVerificationInput, ReconcileSummary>(nameof(ReconcileVerificationActivity), (_, _) =>
        {
            Enter(nameof(ReconcileVerificationActivity));
            var p = Progress();
            return new ReconcileSummary(p.Decided, p.Total, 1, 1, 0);
        });
        r.AddActivityFunc<StartOrchestrationInput, bool>(nameof(StartVerificationWaitActivity), async (_, start) =>
        {
            Enter(nameof(StartVerificationWaitActivity));
            await (Starter ?? throw new InvalidOperationException("Set FakeActivities.Starter to the test host's client."))(start);
            return true;
        });
        r.AddActivityFunc<BatchLockInput, bool>(nameof(ReleaseBatchLockActivity), (_, l) => { Enter(nameof(ReleaseBatchLockActivity)); Released.Enqueue(l); return true; });
        r.AddActivityFunc<BusyRecheckInput, BusyRecheckSummary>(nameof(RecheckBusyActivity), (_, _) => { Enter(nameof(RecheckBusyActivity)); return Task.FromResult(new BusyRecheckSummary(0, 0)); });
        r.AddActivityFunc<string, string?>(nameof(StartPendingBatchActivity), (_, _) => { Enter(nameof(StartPendingBatchActivity)); return Task.FromResult<string?>(null); });
        r.AddActivityFunc<ReprocessInput, ReprocessPlan>(nameof(PlanReprocessActivity), (_, _) => { Enter(nameof(PlanReprocessActivity)); return new ReprocessPlan(Eligible, [new SkippedRecording("rec-busy", "still in its first pass")]); });
    }

    private CodingSummary Code(RecordingRef recording)
    {
        Enter(nameof(CodeTranscriptActivity));
        var now = Interlocked.Increment(ref _coding);
        for (var seen = Volatile.Read(ref _mostCoding); now > seen; seen = Volatile.Read(ref _mostCoding))
            Interlocked.CompareExchange(ref _mostCoding, now, seen);
        try
        {
            if (CodingTakes > TimeSpan.Zero) Thread.Sleep(CodingTakes);
            if (FailCodingFor.Contains(recording.RecordingId)) throw new EngineUnavailableException("The coding engine is not configured.");
            return new CodingSummary(1, 1, 1, 2);
        }
        finally
        {
            Interlocked.Decrement(ref _coding);
        }
    }

    private VerificationProgress Progress() => new(TotalItems - Volatile.Read(ref PendingItems), TotalItems);

    public IEnumerable<PipelineStage> StagesOf(string recordingId) => Stages.Where(s => s.RecordingId == recordingId).Select(s => s.Stage);
}
