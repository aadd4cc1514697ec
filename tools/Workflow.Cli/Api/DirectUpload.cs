using Azure.Storage;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Workflow.Cli.Api;

/// <summary>
/// Uploads a file straight to storage: the host checks the metadata and grants a short-lived URL for
/// one drop-zone blob; the bytes go there in 8 MB blocks, four at a time, never through the host
/// (whose HTTP uploads Azure Functions cuts off well below 500 MB); then the grant says which
/// recording the file became, or why it was refused.
/// </summary>
internal static class DirectUpload
{
    /// <summary>Files above this go direct when the command is left to choose (<c>--via auto</c>).</summary>
    public const long AutoThresholdBytes = 32L * 1024 * 1024;

    private static readonly TimeSpan IntakeTimeout = TimeSpan.FromMinutes(15);

    public static async Task<UploadResult> RunAsync(WorkflowApiClient api, string studyId, string path, string fileName,
        IReadOnlyDictionary<string, string> fields, IProgress<long> sent, TimeSpan pollInterval, CancellationToken ct)
    {
        var size = new FileInfo(path).Length;
        var grant = await api.GrantUploadAsync(studyId, fileName, size, fields, ct);
        var blob = new BlobClient(grant.UploadUrl);
        await using (var file = File.OpenRead(path))
        {
            await blob.UploadAsync(file, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = grant.Headers.GetValueOrDefault("x-ms-blob-content-type", "application/octet-stream") },
                TransferOptions = new StorageTransferOptions { InitialTransferSize = 8 * 1024 * 1024, MaximumTransferSize = 8 * 1024 * 1024, MaximumConcurrency = 4 },
                ProgressHandler = sent,
            }, ct);
        }

        // The drop zone takes the file in on its own (Event Grid in Azure, the poller locally).
        var until = DateTimeOffset.UtcNow + IntakeTimeout;
        while (true)
        {
            var status = await api.UploadGrantStatusAsync(grant.StatusUrl, ct);
            switch (status.State)
            {
                case "Accepted":
                    return new UploadResult(status.RecordingId!, status.RecordingUrl!, status.Duplicate, null);
                case "Refused":
                    throw new ApiProblemException(422, status.Reason ?? "the host refused the file.");
                case "Expired":
                    throw new ApiProblemException(410, "the upload URL expired before the file was taken in; upload it again.");
            }
            if (DateTimeOffset.UtcNow > until)
                throw new ApiProblemException(504, $"the file was uploaded but not taken in within {IntakeTimeout.TotalMinutes} minutes; follow {grant.StatusUrl}.");
            await Task.Delay(pollInterval, ct);
        }
    }
}
