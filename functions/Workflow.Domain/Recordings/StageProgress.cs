namespace Workflow.Domain.Recordings;

/// <summary>Progress within a stage, such as verification items decided out of those queued.</summary>
public sealed record StageProgress(int Done, int Total)
{
    public override string ToString() => $"{Done}/{Total}";
}
