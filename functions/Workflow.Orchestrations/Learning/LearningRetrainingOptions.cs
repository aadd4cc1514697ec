namespace Workflow.Orchestrations.Learning;

/// <summary>Background retraining of the learning coder (configuration section <c>Engines:Learned</c>, beside the engine's own settings).</summary>
public sealed class LearningRetrainingOptions
{
    public const string SectionName = "Engines:Learned";

    /// <summary>How often studies that code with <c>learned</c> are retrained if their decisions changed; zero turns it off.</summary>
    public TimeSpan BackgroundInterval { get; set; } = TimeSpan.FromMinutes(5);
}
