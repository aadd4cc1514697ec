using System.Diagnostics;
using System.IO.Compression;
using System.Xml;
using System.Xml.Schema;
using Workflow.Domain.Exports;
using Workflow.Domain.Exports.Csv;
using Workflow.Domain.Exports.Qda;
using Workflow.Domain.Exports.Reports;
using Workflow.Exports;
using Workflow.ExportBench;

// Times each export of a generated study, written to files as the HTTP handler does, and checks the
// .qdpx: export -> import -> export gives the same bytes, and project.qde is valid against the schema.
// Usage: Workflow.ExportBench [--recordings 100] [--words 6000] [--repeat 3] [--xsd PATH] [--out DIR]
var options = args.Select((a, i) => (a, i)).Where(x => x.a.StartsWith("--", StringComparison.Ordinal))
    .ToDictionary(x => x.a[2..], x => x.i + 1 < args.Length ? args[x.i + 1] : "");
int Option(string name, int fallback) => options.TryGetValue(name, out var v) ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
var recordings = Option("recordings", 100);
var words = Option("words", 6000);
var repeat = Option("repeat", 3);
var outDir = options.GetValueOrDefault("out") ?? Path.Combine(Path.GetTempPath(), "export-bench");
Directory.CreateDirectory(outDir);

var build = Stopwatch.StartNew();
var data = SyntheticStudy.Build(recordings, words);
var segments = data.Recordings.Sum(r => r.Transcript.Segments.Count);
Console.WriteLine($"Study: {recordings} recordings x ~{words} words, {segments} coded segments (generated in {build.ElapsedMilliseconds} ms)");

double Time(string name, string file, Func<Stream, Task> write)
{
    var times = new List<double>();
    for (var i = 0; i < repeat; i++)
    {
        var path = Path.Combine(outDir, file);
        var watch = Stopwatch.StartNew();
        using (var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.Asynchronous))
            write(stream).GetAwaiter().GetResult();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }
    var median = times.Order().ElementAt(times.Count / 2);
    Console.WriteLine($"  {name,-22} median {median,8:0} ms  (runs: {string.Join(", ", times.Select(t => t.ToString("0")))})  {new FileInfo(Path.Combine(outDir, file)).Length / 1024.0 / 1024.0,7:0.0} MB");
    return median;
}

Console.WriteLine($"Export times ({repeat} runs each, to files in {outDir}):");
Time("qdpx", "study.qdpx", s => { QdpxPackage.Write(data, s); return Task.CompletedTask; });
Time("csv", "study.csv", s => CodedSegmentCsv.WriteAsync(data, s, CancellationToken.None));
Time("json", "study.json", s => StudyExportJson.WriteAsync(data, s, CancellationToken.None));
Time("docx (zip)", "study-docx.zip", s => DocxBundle.WriteAsync(data, s, CancellationToken.None));
Time("report html", "report.html", async s => { await using var w = new StreamWriter(s); await w.WriteAsync(CodeReportHtml.Write(CodeReportBuilder.Build(data), DateTimeOffset.UnixEpoch)); });
Time("report csv", "report.csv", async s => { await using var w = new StreamWriter(s); await w.WriteAsync(CodeReportCsv.Write(CodeReportBuilder.Build(data))); });

var package = File.ReadAllBytes(Path.Combine(outDir, "study.qdpx"));
var roundTrip = Stopwatch.StartNew();
var project = QdpxPackage.Read(new MemoryStream(package));
using var again = new MemoryStream();
QdpxPackage.Write(project, again);
Console.WriteLine($"Round trip (import + export) {roundTrip.ElapsedMilliseconds} ms; same bytes: {again.ToArray().AsSpan().SequenceEqual(package)}");

if (options.TryGetValue("xsd", out var xsd))
{
    var schemas = new XmlSchemaSet();
    schemas.Add(QdaProjectXml.Namespace, xsd);
    var errors = 0;
    var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings };
    settings.ValidationEventHandler += (_, e) => { if (errors++ < 5) Console.WriteLine($"  {e.Severity}: line {e.Exception.LineNumber}: {e.Message}"); };
    using var zip = new ZipArchive(new MemoryStream(package));
    var elements = 0;
    using (var reader = XmlReader.Create(zip.GetEntry(QdpxPackage.ProjectEntry)!.Open(), settings))
        while (reader.Read()) if (reader.NodeType == XmlNodeType.Element) elements++;
    Console.WriteLine($"project.qde against {Path.GetFileName(xsd)}: {elements} elements, {errors} errors or warnings");
    return errors == 0 ? 0 : 1;
}
return 0;
