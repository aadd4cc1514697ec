using System.Text;
using Workflow.Engines.Local.Import;
using Xunit.Abstractions;
using static Workflow.Engines.Local.Tests.Import.Fuzzing.FuzzSamples;

namespace Workflow.Engines.Local.Tests.Import.Fuzzing;

/// <summary>
/// Bounded, seeded fuzzing of every transcript importer: a fixed number of mutated inputs each, cut
/// short after a few seconds on a slow machine (the run says how many ran). Each importer must either
/// give a sound transcript or refuse with a <see cref="Workflow.Domain.Transcripts.TranscriptFormatException"/>.
/// </summary>
public class TranscriptParserFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(8);

    private static Stream Bytes(byte[] bytes) => new MemoryStream(bytes);

    [Fact]
    public void PlainText_GivesASoundTranscriptOrARefusal() =>
        new ParserFuzzer(new PlainTextTranscriptImporter(), new SeededMutator(Utf8(PlainText), TextTokens), Bytes, output).Run(3000, Budget);

    [Fact]
    public void WebVtt_GivesASoundTranscriptOrARefusal() =>
        new ParserFuzzer(new WebVttTranscriptImporter(), new SeededMutator(Utf8(WebVtt), WebVttTokens), Bytes, output).Run(3000, Budget);

    [Fact]
    public void TextGrid_GivesASoundTranscriptOrARefusal() =>
        new ParserFuzzer(new TextGridTranscriptImporter(), new SeededMutator(Utf8(TextGrid), TextGridTokens), Bytes, output).Run(3000, Budget);

    [Fact]
    public void DocxDocumentXml_GivesASoundTranscriptOrARefusal()
    {
        // Mutating the XML and packaging it afterwards reaches the paragraph reader far more often than
        // mutating the compressed bytes, which mostly fails the zip's checksums.
        var documents = DocxBodies.Select(body => Encoding.UTF8.GetBytes(
            $"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="{RawDocx.WordNamespace}"><w:body>{body}</w:body></w:document>""")).ToList();
        new ParserFuzzer(new DocxTranscriptImporter(), new SeededMutator(documents, DocxTokens), xml => RawDocx.Build(xml), output).Run(1500, Budget);
    }

    [Fact]
    public void DocxPackageBytes_GiveASoundTranscriptOrARefusal()
    {
        var packages = DocxBodies.Select(body => RawDocx.WithBody(body).ToArray()).ToList();
        new ParserFuzzer(new DocxTranscriptImporter(), new SeededMutator(packages, ["PK\u0003\u0004", "PK\u0001\u0002", "PK\u0005\u0006", "\0\0\0\0"]), Bytes, output).Run(1500, Budget);
    }
}
