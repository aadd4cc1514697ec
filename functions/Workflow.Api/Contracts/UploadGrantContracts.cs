using System.Text.Json;
using Workflow.Domain.Uploads;

namespace Workflow.Api.Contracts;

/// <summary>
/// <c>POST /api/studies/{studyId}/upload-grants</c>: the file about to be written and the same
/// metadata fields as the upload form (siteId, format, participants, interviewer, notes, recordedOn,
/// consent flags, language), as strings or booleans. Checked now, and again when the file arrives.
/// </summary>
public sealed record UploadGrantRequest(string? FileName, string? ContentType, long? SizeBytes, Dictionary<string, JsonElement>? Fields);

/// <summary>
/// Where and how to write the file: <c>PUT</c> the bytes to <see cref="UploadUrl"/> with the
/// <see cref="Headers"/> (one request up to a few hundred MB, or Put Block / Put Block List, as the
/// Azure Storage SDKs and AzCopy do), before <see cref="ExpiresAt"/>; then follow <see cref="StatusUrl"/>.
/// </summary>
public sealed record UploadGrantResponse(
    string GrantId,
    Uri UploadUrl,
    string Method,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ExpiresAt,
    long MaxSizeBytes,
    string StatusUrl);

/// <summary>
/// <c>GET /api/studies/{studyId}/upload-grants/{grantId}</c>: waiting (nothing taken in yet: the
/// file has not arrived, or is being taken in), accepted (with the recording), refused (with the
/// reason; a corrected file may be written with the same URL until it expires) or expired.
/// </summary>
public sealed record UploadGrantStatusResponse(
    string GrantId,
    UploadGrantState State,
    bool FileArrived,
    DateTimeOffset ExpiresAt,
    string? RecordingId,
    string? RecordingUrl,
    bool Duplicate,
    string? Reason);
