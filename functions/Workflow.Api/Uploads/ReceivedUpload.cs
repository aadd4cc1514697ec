using Workflow.Domain.Ports;

namespace Workflow.Api.Uploads;

/// <summary>
/// A multipart upload read to a private folder of the work area, hashed on the way. Disposing deletes
/// the folder: the durable copy is the raw-uploads blob.
/// </summary>
public sealed class ReceivedUpload(IReadOnlyDictionary<string, string> fields, IWorkFolder folder, string path, string fileName, string? contentType, long size, string sha256) : IDisposable
{
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;
    public string Path { get; } = path;
    public string FileName { get; } = fileName;
    public string? ContentType { get; } = contentType;
    public long Size { get; } = size;
    public string Sha256 { get; } = sha256;

    public void Dispose() => folder.Dispose();
}
