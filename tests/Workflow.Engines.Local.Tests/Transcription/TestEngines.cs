using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Workflow.Composition;
using Workflow.Engines.Local.Transcription;

namespace Workflow.Engines.Local.Tests.Transcription;

/// <summary>The PocketSphinx engine wired as the host wires it, with its work files in <c>workPath</c>.</summary>
public static class TestEngines
{
    public static PocketSphinxTranscriptionEngine PocketSphinx(PocketSphinxOptions options, string workPath)
    {
        var wrapped = Options.Create(options);
        var workArea = new WorkArea(workPath);
        return new PocketSphinxTranscriptionEngine(
            wrapped,
            new FfmpegAudioDecoder(TestAudio.Ffmpeg(), workArea),
            new RecordingSplitter(wrapped, NullLogger<RecordingSplitter>.Instance),
            workArea,
            NullLogger<PocketSphinxTranscriptionEngine>.Instance);
    }
}
