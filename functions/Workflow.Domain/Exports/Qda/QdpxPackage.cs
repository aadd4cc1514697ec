using System.IO.Compression;
using System.Text;

namespace Workflow.Domain.Exports.Qda;

/// <summary>
/// A <c>.qdpx</c> file: a zip with <c>project.qde</c> and each text source as <c>sources/{guid}.txt</c>
/// (UTF-8). Entry times are fixed, so writing the same project to a seekable stream gives the same bytes.
/// </summary>
public static class QdpxPackage
{
    public const string ProjectEntry = "project.qde";
    public const string SourcesFolder = "sources/";
    private const string InternalScheme = "internal://";
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes the package of <paramref name="data"/>.</summary>
    public static void Write(StudyExportData data, Stream output) => Write(QdaProjectBuilder.Build(data), output);

    public static void Write(QdaProject project, Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true, Utf8);
        using (var entry = Entry(zip, ProjectEntry).Open())
            QdaProjectXml.Write(project, entry);
        foreach (var source in project.Sources)
        {
            using var entry = Entry(zip, SourcesFolder + source.FileName).Open();
            using var writer = new StreamWriter(entry, Utf8);
            writer.Write(source.PlainText);
        }
    }

    /// <summary>Reads a package; throws <see cref="FormatException"/> when it is not a REFI-QDA project.</summary>
    public static QdaProject Read(Stream input)
    {
        using var zip = new ZipArchive(input, ZipArchiveMode.Read, leaveOpen: true, Utf8);
        var project = zip.GetEntry(ProjectEntry) ?? throw new FormatException($"The package has no {ProjectEntry}.");
        using var stream = project.Open();
        return QdaProjectXml.Read(stream, path =>
        {
            if (!path.StartsWith(InternalScheme, StringComparison.Ordinal))
                throw new FormatException($"Source path '{path}' is not inside the package.");
            var entry = zip.GetEntry(SourcesFolder + path[InternalScheme.Length..])
                ?? throw new FormatException($"The package has no text for source '{path}'.");
            using var reader = new StreamReader(entry.Open(), Utf8);
            return reader.ReadToEnd();
        });
    }

    private static ZipArchiveEntry Entry(ZipArchive zip, string name)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        return entry;
    }
}
