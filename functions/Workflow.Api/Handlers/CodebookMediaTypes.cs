using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Workflow.Domain.Coding;
using Workflow.Domain.Coding.Formats;
using Workflow.Domain.Exports.Qda;

namespace Workflow.Api.Handlers;

/// <summary>
/// The codebook's upload and download formats: JSON (the default both ways), CSV
/// (<see cref="CodebookCsv"/>) and the REFI-QDA codebook (<see cref="QdaCodebookXml"/>), chosen by
/// Content-Type on PUT and by <c>?format=</c> on GET.
/// </summary>
internal static class CodebookMediaTypes
{
    /// <summary>Our name for a REFI-QDA codebook; the standard registers none, and application/xml or text/xml work as well.</summary>
    public const string Qdc = "application/vnd.refi-qda.codebook+xml";

    private const string Accepted = "application/json, text/csv, application/xml, text/xml or " + Qdc;

    /// <summary>
    /// Parses <paramref name="text"/> by the request's Content-Type. No Content-Type means JSON, as before
    /// other formats existed. <paramref name="name"/> names a CSV or REFI-QDA codebook, which carry none.
    /// </summary>
    public static (CodebookDraft? Draft, IResult? Problem) Parse(string? contentType, string text, string name)
    {
        var mediaType = MediaType(contentType);
        Func<CodebookDraft>? read = mediaType switch
        {
            null or "application/json" => () => CodebookJsonReader.Parse(text),
            "text/csv" => () => CodebookCsv.Read(text, name),
            "application/xml" or "text/xml" or Qdc => () => QdaCodebookXml.Read(text, name),
            _ => null,
        };
        if (read is null) return (null, Problems.UnsupportedMedia($"A codebook is uploaded as {Accepted}, not {mediaType}."));
        try { return (read(), null); }
        catch (CodebookFormatException e) { return (null, Problems.BadRequest(e.Message)); }
    }

    private static string? MediaType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType) ? null
            : MediaTypeHeaderValue.TryParse(contentType, out var parsed) ? parsed.MediaType.Value?.ToLowerInvariant() : contentType.Trim();

    /// <summary>True for the GET formats: json (also when empty), csv and qdc.</summary>
    public static bool IsFormat(string format) => format.ToLowerInvariant() is "" or "json" or "csv" or "qdc";

    /// <summary>The download for <paramref name="format"/> (csv or qdc), or null when the format is neither.</summary>
    public static IResult? Download(Codebook codebook, string format)
    {
        var baseName = $"{codebook.StudyId}-codebook-v{codebook.Version}";
        return format.ToLowerInvariant() switch
        {
            "csv" => new ExportFileResult("text/csv; charset=utf-8", baseName + ".csv",
                async (stream, ct) => await stream.WriteAsync(System.Text.Encoding.UTF8.GetBytes(CodebookCsv.Write(codebook)), ct), spool: null),
            "qdc" => new ExportFileResult(Qdc, baseName + ".qdc", async (stream, ct) =>
            {
                // XmlWriter writes synchronously, which the server refuses on the response body, so buffer the (small) document.
                using var buffer = new MemoryStream();
                QdaCodebookXml.Write(codebook, buffer);
                buffer.Position = 0;
                await buffer.CopyToAsync(stream, ct);
            }, spool: null),
            _ => null,
        };
    }
}
