using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Workflow.Domain.Ports;

namespace Workflow.Api.Handlers;

/// <summary>
/// Sends an export as a download without building it in memory: text formats are written straight to
/// the response; zip formats (which need a seekable stream to come out the same every time) are
/// written to a private file in the work area first, then streamed, and the file deleted.
/// </summary>
internal sealed class ExportFileResult(string contentType, string fileName, Func<Stream, CancellationToken, Task> write, IWorkArea? spool) : IResult
{
    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        var ct = context.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName }.ToString();
        response.Headers.CacheControl = "no-store";
        if (spool is null)
        {
            await write(response.Body, ct);
            return;
        }

        await using var folder = spool.CreateFolder("export");
        await using var file = new FileStream(Path.Combine(folder.Path, "export"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous);
        await write(file, ct);
        response.ContentLength = file.Length;
        file.Position = 0;
        await file.CopyToAsync(response.Body, ct);
    }
}
