using System.Net.Http.Headers;
using System.Text;

namespace Workflow.Integration.Tests.Hostile;

/// <summary>
/// A multipart/form-data upload written byte by byte, as a hostile client could send it: the file
/// name and field values go out exactly as given (control characters, NUL, invalid UTF-8), which
/// <see cref="MultipartFormDataContent"/> would encode or refuse.
/// </summary>
internal static class RawMultipart
{
    private const string Boundary = "hostile-corpus-boundary-7f3a";

    public static HttpContent Build(byte[] fileNameBytes, byte[] file, IEnumerable<(string Name, byte[] Value)> fields, string? contentType = null)
    {
        var body = new MemoryStream();
        void Text(string s) => body.Write(Encoding.UTF8.GetBytes(s));
        Text($"--{Boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"");
        body.Write(fileNameBytes);
        Text("\"\r\n");
        if (contentType is not null) Text($"Content-Type: {contentType}\r\n");
        Text("\r\n");
        body.Write(file);
        foreach (var (name, value) in fields)
        {
            Text($"\r\n--{Boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n");
            body.Write(value);
        }
        Text($"\r\n--{Boundary}--\r\n");
        var content = new ByteArrayContent(body.GetBuffer(), 0, (int)body.Length);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse($"multipart/form-data; boundary={Boundary}");
        return content;
    }
}
