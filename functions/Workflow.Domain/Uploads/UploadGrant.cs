using System.Text.Json.Serialization;

namespace Workflow.Domain.Uploads;

/// <summary>
/// Permission for one file to be written straight into the drop zone with a short-lived SAS, with
/// the metadata that was checked when the grant was given (the uploader cannot change it later).
/// The file name and fields name people (interviewer, participants), so grants live in the
/// identifiable store, and both are forgotten once the upload is accepted: from then on the grant
/// says only which recording it became.
/// </summary>
public sealed record UploadGrant(
    string StudyId,
    string GrantId,
    string FileName,
    string ContentType,
    long SizeBytes,
    IReadOnlyDictionary<string, string> Fields,
    string GrantedBy,
    DateTimeOffset GrantedAt,
    DateTimeOffset ExpiresAt,
    UploadGrantState State = UploadGrantState.Waiting,
    string? RecordingId = null,
    bool Duplicate = false,
    string? Reason = null,
    DateTimeOffset? DecidedAt = null)
{
    /// <summary>The drop-zone blob (within the uploads container) this grant may write.</summary>
    public string BlobName => UploadGrantNames.BlobNameOf(StudyId, GrantId, FileName);

    /// <summary>Taken in as <paramref name="recordingId"/>: the identifying name and fields are dropped.</summary>
    public UploadGrant Accept(string recordingId, bool duplicate, DateTimeOffset now) =>
        this with { State = UploadGrantState.Accepted, RecordingId = recordingId, Duplicate = duplicate, Reason = null, DecidedAt = now, FileName = UploadGrantNames.ExtensionOf(FileName), Fields = new Dictionary<string, string>() };

    /// <summary>
    /// The file that arrived was refused; the grant stays usable until it expires, so a corrected
    /// file can be written over it.
    /// </summary>
    public UploadGrant Refuse(string reason, DateTimeOffset now) =>
        this with { State = UploadGrantState.Refused, Reason = reason, DecidedAt = now };

    /// <summary>What the uploader is told: accepted and refused as recorded; otherwise waiting, or expired when the SAS has run out.</summary>
    public UploadGrantState StateAt(DateTimeOffset now) =>
        State == UploadGrantState.Waiting && now >= ExpiresAt ? UploadGrantState.Expired : State;
}

[JsonConverter(typeof(JsonStringEnumConverter<UploadGrantState>))]
public enum UploadGrantState
{
    /// <summary>Granted; nothing (or nothing acceptable yet) has been taken in.</summary>
    Waiting,
    Accepted,
    /// <summary>A file arrived and was refused (reason given); a corrected one may still be written until expiry.</summary>
    Refused,
    /// <summary>Never recorded: a waiting grant whose SAS has run out.</summary>
    Expired,
}
