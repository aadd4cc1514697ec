namespace Workflow.Domain.Deidentification;

/// <summary>The study's own list of identifiers, versioned so re-de-identification can tell what changed.</summary>
public sealed record StudyIdentifierList(string StudyId, int Version, IReadOnlyList<StudyIdentifier> Identifiers)
{
    /// <summary>An empty list for a study whose lead has entered nothing yet.</summary>
    public static StudyIdentifierList Empty(string studyId) => new(studyId, 0, []);
}
