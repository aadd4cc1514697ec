using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

using Workflow.Domain.Ports;

namespace Workflow.Api.Uploads;

/// <summary>
/// Streams a multipart/form-data upload: text fields into a dictionary, the <c>file</c> part into a
/// temporary file while computing its SHA-256, stopping as soon as the size limit is passed. Nothing
/// is buffered in memory, so hour-long recordings do not strain the host.
/// </summary>
public static class MultipartUploadReader
{
    private const int MaxFieldLength = 4096;
    private const int MaxFields = 50;

    /// <summary>The upload, or a problem result explaining what is wrong with the request.</summary>
    public static async Task<(ReceivedUpload? Upload, IResult? Problem)> ReadAsync(HttpRequest request, long maxBytes, IWorkArea workArea, CancellationToken ct)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType) ||
            !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase) ||
            HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
            return (null, Problems.UnsupportedMedia("Send the upload as multipart/form-data with a 'file' part and metadata fields."));

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        ReceivedUpload? upload = null;
        try
        {
            var reader = new MultipartReader(boundary, request.Body);
            for (var section = await reader.ReadNextSectionAsync(ct); section is not null; section = await reader.ReadNextSectionAsync(ct))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)) continue;
                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition() && name == "file")
                {
                    if (upload is not null) return (Fail(upload), Problems.BadRequest("Send exactly one 'file' part per upload."));
                    var fileName = System.IO.Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
                    var (received, problem) = await SaveAsync(section, fileName, fields, maxBytes, workArea, ct);
                    if (problem is not null) return (null, problem);
                    upload = received;
                }
                else if (disposition.IsFormDisposition())
                {
                    if (fields.Count >= MaxFields) return (Fail(upload), Problems.BadRequest("Too many form fields."));
                    var (value, fieldProblem) = await ReadFieldAsync(section, name, ct);
                    if (fieldProblem is not null) return (Fail(upload), fieldProblem);
                    fields[name] = value!;
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            Fail(upload);
            return (null, Problems.BadRequest("The multipart body is malformed or was cut off: " + e.Message));
        }

        if (upload is null) return (null, Problems.BadRequest("The upload has no 'file' part."));
        return (upload, null);
    }

    // The fields dictionary is shared: form fields that follow the file part land in the same upload.
    // The file goes to a private folder of the work area; whatever goes wrong (too large, cut off,
    // cancelled), the folder is deleted before returning, so no partial upload stays on disk.
    private static async Task<(ReceivedUpload?, IResult?)> SaveAsync(
        MultipartSection section, string fileName, IReadOnlyDictionary<string, string> fields, long maxBytes, IWorkArea workArea, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(fileName)) return (null, Problems.BadRequest("The 'file' part needs a file name (its extension tells the format)."));
        var folder = workArea.CreateFolder("upload");
        var kept = false;
        try
        {
            var path = System.IO.Path.Combine(folder.Path, "upload.bin");
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await section.Body.ReadAsync(buffer, ct)) > 0)
                {
                    size += read;
                    if (size > maxBytes)
                        return (null, Problems.TooLarge($"The file is larger than the limit of {maxBytes / (1024 * 1024)} MB (Pipeline:MaxUploadBytes)."));
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }
            if (size == 0) return (null, Problems.BadRequest("The file is empty."));
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            kept = true;
            return (new ReceivedUpload(fields, folder, path, fileName, section.ContentType, size, sha), null);
        }
        finally
        {
            if (!kept) folder.Dispose();
        }
    }

    // Strict UTF-8: a field in another encoding would otherwise be stored with its letters silently
    // replaced (an interviewer's name, notes), as the transcript importers refuse to do too.
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    private static async Task<(string? Value, IResult? Problem)> ReadFieldAsync(MultipartSection section, string name, CancellationToken ct)
    {
        using var reader = new StreamReader(section.Body, StrictUtf8);
        var buffer = new char[MaxFieldLength + 1];
        int length;
        try
        {
            length = await reader.ReadBlockAsync(buffer, ct);
        }
        catch (DecoderFallbackException)
        {
            return (null, Problems.BadRequest($"Form field '{name}' is not valid UTF-8 text."));
        }
        return length > MaxFieldLength
            ? (null, Problems.BadRequest($"Form field '{name}' is longer than {MaxFieldLength} characters."))
            : (new string(buffer, 0, length), null);
    }

    private static ReceivedUpload? Fail(ReceivedUpload? upload)
    {
        upload?.Dispose();
        return null;
    }
}
