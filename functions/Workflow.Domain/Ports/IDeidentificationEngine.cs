using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;

namespace Workflow.Domain.Ports;

/// <summary>
/// Finds identifiers in a transcript. Engines only find; <see cref="Pseudonymizer"/> replaces, so
/// every engine yields the same consistent study-wide labels.
/// </summary>
public interface IDeidentificationEngine
{
    /// <summary>Name recorded on each finding's recognizer, e.g. "rules".</summary>
    string Name { get; }

    /// <summary>Version recorded with what the engine makes (see <see cref="EngineVersion"/>).</summary>
    string Version => EngineVersion.Of(GetType());

    /// <summary>All identifier spans in the utterance texts and speaker labels.</summary>
    Task<IReadOnlyList<IdentifierFinding>> FindAsync(Transcript transcript, StudyIdentifierList identifiers, CancellationToken cancellationToken);
}
