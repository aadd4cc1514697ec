using System.IO.Compression;
using System.Text;
using System.Xml;
using System.Xml.Schema;
using Workflow.Domain.Exports;
using Workflow.Domain.Exports.Qda;

namespace Workflow.Domain.Tests.Exports;

public class QdpxPackageTests
{
    private static byte[] Export(StudyExportData data)
    {
        using var output = new MemoryStream();
        QdpxPackage.Write(data, output);
        return output.ToArray();
    }

    private static byte[] Export(QdaProject project)
    {
        using var output = new MemoryStream();
        QdpxPackage.Write(project, output);
        return output.ToArray();
    }

    private static QdaProject Import(byte[] package)
    {
        using var input = new MemoryStream(package);
        return QdpxPackage.Read(input);
    }

    private static string SliceByCodePoints(string text, int start, int end) =>
        string.Concat(text.EnumerateRunes().Skip(start).Take(end - start).Select(r => r.ToString()));

    [Fact]
    public void Positions_AreUnicodeCodePoints_IntoTheExportedText_PastAnAccentAndAnEmoji()
    {
        var project = QdaProjectBuilder.Build(ExportSamples.Study());
        var source = project.Sources.Single(s => s.Name == "rec-a");
        var selection = source.Selections.Single(s => s.Name == "s0");

        // "[00:00:03] P017: " is 17 code points; "At the café 🙂 they said " 24 (the emoji is one, though two UTF-16 units).
        Assert.Equal(41, selection.Start);
        Assert.Equal(41 + 32, selection.End);
        Assert.Equal(ExportSamples.CafeCoded, SliceByCodePoints(source.PlainText, selection.Start, selection.End));
    }

    [Fact]
    public void EverySelection_CoversExactlyItsSegmentsWords()
    {
        var data = ExportSamples.Study();
        var project = QdaProjectBuilder.Build(data);

        foreach (var recording in data.Recordings)
        {
            var source = project.Sources.Single(s => s.Name == recording.RecordingId);
            var text = TranscriptText.Of(recording.Transcript);
            foreach (var segment in recording.Transcript.Segments.Where(s => s.Codes.Count > 0))
            {
                var selection = source.Selections.Single(s => s.Name == segment.Id);
                Assert.Equal(text.SegmentText(segment), SliceByCodePoints(source.PlainText, selection.Start, selection.End));
            }
        }
    }

    [Fact]
    public void ProjectQde_IsValidAgainstTheRefiQdaSchema()
    {
        var package = Export(ExportSamples.Study());
        using var zip = new ZipArchive(new MemoryStream(package));
        var schemas = new XmlSchemaSet();
        schemas.Add(QdaProjectXml.Namespace, Path.Combine(AppContext.BaseDirectory, "Exports", "Schemas", "Project-mrt2019.xsd"));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas,
            ValidationFlags = XmlSchemaValidationFlags.ReportValidationWarnings | XmlSchemaValidationFlags.ProcessIdentityConstraints };
        settings.ValidationEventHandler += (_, e) => problems.Add($"{e.Severity} line {e.Exception.LineNumber}: {e.Message}");

        using (var reader = XmlReader.Create(zip.GetEntry(QdpxPackage.ProjectEntry)!.Open(), settings))
            while (reader.Read()) { }

        Assert.Empty(problems);
    }

    [Fact]
    public void TheSchemaCheck_RejectsAProjectMissingARequiredAttribute()
    {
        // Guards the test above: a validator that accepted anything would pass it too.
        var schemas = new XmlSchemaSet();
        schemas.Add(QdaProjectXml.Namespace, Path.Combine(AppContext.BaseDirectory, "Exports", "Schemas", "Project-mrt2019.xsd"));
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas };
        settings.ValidationEventHandler += (_, e) => problems.Add(e.Message);
        var xml = "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"x\"><CodeBook><Codes><Code guid=\"not-a-guid\" name=\"c\"/></Codes></CodeBook></Project>";

        using (var reader = XmlReader.Create(new StringReader(xml), settings))
            while (reader.Read()) { }

        Assert.NotEmpty(problems);
    }

    [Fact]
    public void ExportImportExport_GivesTheSameBytes()
    {
        var first = Export(ExportSamples.Study());

        var second = Export(Import(first));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Import_RecoversTextsCodesCodingsCasesUsersAndMemos()
    {
        var project = Import(Export(ExportSamples.Study()));

        Assert.Equal("Involvement study", project.Name);
        Assert.Equal(["coder-1", "coder-2"], project.Users.Select(u => u.Name));
        var access = project.Codes.Single(c => c.Name == "Access");
        Assert.False(access.IsCodable);
        Assert.Equal("#1F77B4", access.Color);
        Assert.Equal(["Waiting lists", "Stigma"], access.Children.Select(c => c.Name));
        Assert.All(access.Children, c => Assert.True(c.IsCodable));
        Assert.Contains("Include: Any delay.", access.Children[0].Description);

        var codeNames = project.Codes.SelectMany(c => c.Children).ToDictionary(c => c.Guid, c => c.Name);
        var users = project.Users.ToDictionary(u => u.Guid, u => u.Name);
        var source = project.Sources.Single(s => s.Name == "rec-a");
        Assert.StartsWith("[00:00:03] P017: At the café 🙂", source.PlainText);
        var selection = source.Selections.Single(s => s.Name == "s0");
        Assert.Equal(["Waiting lists", "Stigma"], selection.Codings.Select(c => codeNames[c.Code]));
        Assert.Equal(["coder-1", "coder-2"], selection.Codings.Select(c => users[c.CreatingUser!.Value]));
        Assert.Equal(ExportSamples.Finalized, selection.Codings[0].Created);

        var memo = Assert.Single(project.Notes);
        Assert.Equal("Judged by staff, \"not\" by peers.", memo.Text);
        Assert.Equal([memo.Guid], selection.Codings[1].Notes);

        var variables = project.Variables.ToDictionary(v => v.Guid, v => v.Name);
        var carer = project.Cases.Single(c => c.Name == "P021");
        Assert.Equal(new Dictionary<string, string> { ["Site"] = "Site B", ["Respondent role"] = "Carer" },
            carer.Values.ToDictionary(v => variables[v.Variable], v => v.Value));
        Assert.Equal([project.Sources.Single(s => s.Name == "rec-b").Guid], carer.Sources);
    }

    [Fact]
    public void SourceTexts_AreStoredInThePackage_UnderTheirGuid_AsTheProjectSays()
    {
        var package = Export(ExportSamples.Study());
        using var zip = new ZipArchive(new MemoryStream(package));
        using var qde = new StreamReader(zip.GetEntry(QdpxPackage.ProjectEntry)!.Open());
        var xml = qde.ReadToEnd();
        var project = QdaProjectBuilder.Build(ExportSamples.Study());

        foreach (var source in project.Sources)
        {
            Assert.Contains($"plainTextPath=\"internal://{source.Guid:D}.txt\"", xml);
            using var text = new StreamReader(zip.GetEntry($"sources/{source.Guid:D}.txt")!.Open(), Encoding.UTF8);
            Assert.Equal(source.PlainText, text.ReadToEnd());
        }
        Assert.DoesNotContain("PlainTextContent>[00", xml); // texts are not duplicated inline
    }

    [Fact]
    public void SegmentsWithoutVerifiedCodes_AreNotExportedAsSelections()
    {
        var project = QdaProjectBuilder.Build(ExportSamples.Study());

        Assert.Equal(["s0", "s1"], project.Sources.Single(s => s.Name == "rec-b").Selections.Select(s => s.Name));
    }

    [Fact]
    public void Guids_AreStableAcrossExports_AndDifferPerStudyAndId()
    {
        var a = ExportGuids.For("study-x", "code", "c-waiting");

        Assert.Equal(a, ExportGuids.For("study-x", "code", "c-waiting"));
        Assert.NotEqual(a, ExportGuids.For("study-y", "code", "c-waiting"));
        Assert.NotEqual(a, ExportGuids.For("study-x", "code", "c-stigma"));
        Assert.NotEqual(a, ExportGuids.For("study-x", "user", "c-waiting"));
        Assert.Equal('8', a.ToString("D")[14]); // RFC 9562 version 8
        Assert.Equal(a, QdaProjectBuilder.Build(ExportSamples.Study()).Codes[0].Children[0].Guid);
    }

    [Fact]
    public void CharactersXmlCannotHold_AreDropped_AndTheProjectStillRoundTrips()
    {
        var data = ExportSamples.Study();
        var interview = data.Recordings[0] with { Memos = [new CodingMemo("s0", "c-stigma", "coder-2", "bell\u0007 here")] };
        data = data with { Recordings = [interview, data.Recordings[1]] };

        var first = Export(data);

        Assert.Equal("bell here", Import(first).Notes.Single().Text);
        Assert.Equal(first, Export(Import(first)));
    }

    [Fact]
    public void ACodebookColourThatIsNotHex_IsLeftOut_SoTheProjectStaysValid()
    {
        var data = ExportSamples.Study();
        var codes = data.Codebook.Codes.Select(c => c.Id == "t-access" ? c with { Color = "red" } : c).ToList();

        var project = QdaProjectBuilder.Build(data with { Codebook = data.Codebook with { Codes = codes } });

        Assert.All(project.Codes, c => Assert.Null(c.Color));
    }
}
