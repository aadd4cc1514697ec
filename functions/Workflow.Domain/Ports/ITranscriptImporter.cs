using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Ports;

/// <summary>Reads an existing transcript file (plain text, WebVTT, TextGrid, DOCX) into the transcript model.</summary>
public interface ITranscriptImporter
{
    /// <summary>Format name shown to users, e.g. "WebVTT".</summary>
    string Format { get; }

    /// <summary>Version recorded with what the engine makes (see <see cref="EngineVersion"/>).</summary>
    string Version => EngineVersion.Of(GetType());

    /// <summary>File extensions (lower case, with dot) this importer reads.</summary>
    IReadOnlyCollection<string> Extensions { get; }

    /// <summary>Parses <paramref name="content"/>; throws <see cref="TranscriptFormatException"/> on bad input.</summary>
    Transcript Import(string recordingId, Stream content);
}
