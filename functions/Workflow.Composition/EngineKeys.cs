namespace Workflow.Composition;

/// <summary>Engine keys the composition itself relies on.</summary>
public static class EngineKeys
{
    /// <summary>
    /// The study identifier list matcher. It is not a choice: it runs for every study beside the
    /// configured de-identification detectors, so a lead's list is never bypassed by an engine swap.
    /// </summary>
    public const string StudyList = "study-list";
}
