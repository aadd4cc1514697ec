using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workflow.Domain.Audit;
using Workflow.Domain.Ports;
using Workflow.Domain.Recordings;
using Workflow.Storage;

namespace Workflow.Orchestrations.Retention;

/// <summary>
/// Deletes the raw audio (and its de-identified copy) of recordings verified longer ago than the retention period, records the
/// date on the recording (so a re-run from transcription is refused with that reason) and in the
/// study's audit trail. Run hourly by the Functions timer or the local runner's background service;
/// idempotent, so overlapping or repeated runs do no harm. In Azure a storage lifecycle rule on the
/// raw uploads is the backstop (see infra/README.md).
/// </summary>
public sealed class RawAudioRetentionSweep(
    StudyRepository studies,
    RecordingRepository recordings,
    RawUploadRepository rawUploads,
    DeidentifiedAudioRepository deidentifiedAudio,
    IAuditTrail audit,
    IOptions<RetentionOptions> options,
    TimeProvider time,
    ILogger<RawAudioRetentionSweep> log)
{
    public const string Actor = "system:retention";

    /// <summary>Returns how many recordings lost their audio in this run.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var days = options.Value.RawAudioDaysAfterVerification;
        if (days is null) return 0;
        var swept = 0;
        foreach (var study in await studies.ListAsync(ct))
        {
            foreach (var recording in await recordings.ListByStudyAsync(study.Id, ct))
            {
                var now = time.GetUtcNow();
                if (!RawAudioRetention.IsDue(recording, days, now)) continue;
                // The toned copy goes too: it still carries the participants' voices.
                var blobs = await rawUploads.DeleteSourceAsync(study.Id, recording.Id, ct)
                    + (await deidentifiedAudio.DeleteAsync(study.Id, recording.Id, ct) ? 1 : 0);
                // Recorded after the blobs are gone: a crash in between only repeats the deletion. Only
                // the run that sets the date audits it, so overlapping runs record it once.
                var setHere = false;
                await recordings.UpdateAsync(recording.Id, r =>
                {
                    setHere = r.RawAudioDeletedAt is null;
                    return setHere ? r with { RawAudioDeletedAt = now } : r;
                }, ct);
                if (!setHere) continue;
                await audit.AppendAsync(study.Id, new AuditEntry(Actor, AuditAction.RawAudioDeleted, recording.Id, new Dictionary<string, string>
                {
                    ["blobs"] = blobs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["daysAfterVerification"] = days.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
                }), ct);
                swept++;
            }
        }
        if (swept > 0) log.LogInformation("Retention: deleted the raw audio of {Count} verified recordings", swept);
        return swept;
    }
}
