using Workflow.Domain.Recordings;
using Workflow.Domain.Studies;

namespace Workflow.Api.Uploads;

/// <summary>
/// The checks every upload passes before it is accepted, whichever way it arrives (HTTP or a blob
/// dropped into the uploads container): a known format, a content type that fits it, and metadata.
/// </summary>
public static class UploadCheck
{
    /// <summary>Why an upload was refused, and whether it was the file type (415) or the metadata (400).</summary>
    public sealed record Refusal(bool UnsupportedType, IReadOnlyList<string> Errors);

    /// <summary>Longest file name accepted, as most file systems allow.</summary>
    public const int MaxFileNameBytes = 255;

    public static (SourceKind Kind, RecordingMetadata Metadata)? Check(
        string fileName, string? contentType, IReadOnlyDictionary<string, string> fields, Study study,
        IReadOnlyCollection<string> transcriptExtensions, out Refusal? refusal)
    {
        refusal = null;
        // The original name is kept, URI-escaped, in the raw upload's 8 KB of blob metadata.
        if (System.Text.Encoding.UTF8.GetByteCount(fileName) > MaxFileNameBytes)
        {
            refusal = new Refusal(false, [$"The file name is longer than {MaxFileNameBytes} bytes; rename the file."]);
            return null;
        }
        var kind = UploadKinds.KindOf(fileName, transcriptExtensions);
        if (kind is null)
        {
            refusal = new Refusal(true, [$"'{Path.GetExtension(fileName)}' files are not accepted. Audio: {string.Join(" ", UploadKinds.AudioExtensions)}; transcripts: {string.Join(" ", transcriptExtensions.Order())}."]);
            return null;
        }
        if (!UploadKinds.ContentTypeFits(kind.Value, contentType))
        {
            refusal = new Refusal(true, [$"The file is named as {kind.Value.ToString().ToLowerInvariant()} but declared as '{contentType}'."]);
            return null;
        }
        var (metadata, errors) = UploadMetadataParser.Parse(fields, study);
        if (metadata is null)
        {
            refusal = new Refusal(false, errors);
            return null;
        }
        return (kind.Value, metadata);
    }
}
