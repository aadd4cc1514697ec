using System.Text;
using Workflow.Domain.Ports;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Tests.Import;

/// <summary>Feeds inline text to an importer the way an upload would arrive: as bytes in a stream.</summary>
internal static class ImportInput
{
    public static Transcript Import(this ITranscriptImporter importer, string text, Encoding? encoding = null)
    {
        encoding ??= new UTF8Encoding(false);
        var bytes = encoding.GetPreamble().Concat(encoding.GetBytes(text)).ToArray();
        return importer.Import("rec-1", new MemoryStream(bytes));
    }

    public static TranscriptFormatException ImportFails(this ITranscriptImporter importer, string text) =>
        Assert.Throws<TranscriptFormatException>(() => importer.Import(text));
}
