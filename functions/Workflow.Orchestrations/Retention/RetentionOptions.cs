namespace Workflow.Orchestrations.Retention;

/// <summary>Settings of the retention sweep (configuration section <c>Retention</c>).</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Days after verification that a recording's raw audio is deleted; empty keeps audio until deleted by hand.</summary>
    public int? RawAudioDaysAfterVerification { get; set; } = 30;

    /// <summary>How often the local runner sweeps (the Functions app sweeps hourly on a timer).</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
