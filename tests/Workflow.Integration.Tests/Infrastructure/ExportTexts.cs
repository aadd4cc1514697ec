using System.IO.Compression;
using System.Text;

namespace Workflow.Integration.Tests.Infrastructure;

/// <summary>The text of an export: the body itself, or every entry of a zip (QDPX, DOCX), zips inside zips included.</summary>
public static class ExportTexts
{
    public static IEnumerable<StoredText> Of(string location, byte[] body)
    {
        if (body is not [(byte)'P', (byte)'K', ..])
        {
            yield return new StoredText(location, Encoding.UTF8.GetString(body));
            yield break;
        }
        using var zip = new ZipArchive(new MemoryStream(body), ZipArchiveMode.Read);
        foreach (var entry in zip.Entries)
        {
            using var content = new MemoryStream();
            using (var stream = entry.Open()) stream.CopyTo(content);
            // Entry names too: a file name in an export can name a person as well as its content can.
            yield return new StoredText($"{location} entry {entry.FullName} (name)", entry.FullName);
            foreach (var text in Of($"{location} entry {entry.FullName}", content.ToArray())) yield return text;
        }
    }
}
