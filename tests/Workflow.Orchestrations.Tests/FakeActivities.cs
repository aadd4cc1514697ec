using System.Collections.Concurrent;
using Microsoft.DurableTask;
using Workflow.Domain.Recordings;
using Workflow.Orchestrations.Activities;
using Workflow.Orchestrations.Contracts;

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

    private readonly ConcurrentDictionary<string, int> _attempts = new();

    private void Enter(string name)
    {
        var attempt = _attempts.AddOrUpdate(name, 1, (_, n) => n + 1);
        Calls.Enqueue(name);
        if (Throw.TryGetValue(name, out var make) && make(attempt) is { } e) throw e;
    }

    public int Attempts(string name) => _attempts.GetValueOrDefault(name);

    public void Register(DurableTaskRegistry r)
    {
        r.AddActivityFunc<StageUpdate, bool>(nameof(UpdateRecordingStageActivity), (_, s) => { Enter(nameof(UpdateRecordingStageActivity)); Stages.Enqueue(s); return true; });
        r.AddActivityFunc<FailureInput, bool>(nameof(MarkRecordingFailedActivity), (_, f) => { Enter(nameof(MarkRecordingFailedActivity)); Failures.Enqueue(f); return true; });
        r.AddActivityFunc<RecordingPipelineInput, IngestResult>(nameof(IngestRecordingActivity), (_, i) => { Enter(nameof(IngestRecordingActivity)); return new IngestResult(i.Source, 1, 1, "fake"); });
        r.AddActivityFunc<RecordingPipelineInput, TranscriptionSummary>(nameof(TranscribeRecordingActivity), (_, _) => { Enter(nameof(TranscribeRecordingActivity)); return new TranscriptionSummary("fake", 1, 1, 1, 1, false); });
        r.AddActivityFunc<RecordingRef, DeidentificationSummary>(nameof(DeidentifyTranscriptActivity), (_, _) => { Enter(nameof(DeidentifyTranscriptActivity)); return new DeidentificationSummary(1, 1, 1); });
        r.AddActivityFunc<RecordingRef, CodingSummary>(nameof(CodeTranscriptActivity), (_, _) => { Enter(nameof(CodeTranscriptActivity)); return new CodingSummary(1, 1, 1, 2); });
        r.AddActivityFunc<EnqueueVerificationInput, VerificationProgress>(nameof(EnqueueVerificationActivity), (_, _) => { Enter(nameof(EnqueueVerificationActivity)); return Progress(); });
        r.AddActivityFunc<RecordingRef, VerificationProgress>(nameof(GetVerificationProgressActivity), (_, _) => { Enter(nameof(GetVerificationProgressActivity)); return Progress(); });
        r.AddActivityFunc<SupersedeInput, int>(nameof(SupersedePendingItemsActivity), (_, _) => { Enter(nameof(SupersedePendingItemsActivity)); return 0; });
        r.AddActivityFunc<RecordingRef, FinalizeSummary>(nameof(FinalizeRecordingActivity), (_, _) => { Enter(nameof(FinalizeRecordingActivity)); return new FinalizeSummary(1, 1, 1, 0); });
        r.AddActivityFunc<ReprocessInput, ReprocessPlan>(nameof(PlanReprocessActivity), (_, _) => { Enter(nameof(PlanReprocessActivity)); return new ReprocessPlan(Eligible, [new SkippedRecording("rec-busy", "still in its first pass")]); });
    }

    private VerificationProgress Progress() => new(TotalItems - Volatile.Read(ref PendingItems), TotalItems);

    public IEnumerable<PipelineStage> StagesOf(string recordingId) => Stages.Where(s => s.RecordingId == recordingId).Select(s => s.Stage);
}
