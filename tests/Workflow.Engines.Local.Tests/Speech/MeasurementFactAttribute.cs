namespace Workflow.Engines.Local.Tests.Speech;

/// <summary>
/// A measurement that keeps every core busy for minutes: runs only with WORKFLOW_MEASURE=1, so the
/// ordinary test run (and CI on shared machines) skips it with the reason.
/// </summary>
public sealed class MeasurementFactAttribute : FactAttribute
{
    public MeasurementFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("WORKFLOW_MEASURE") != "1")
            Skip = "A timing measurement (minutes of both cores): set WORKFLOW_MEASURE=1 to run it.";
    }

    /// <summary>Also needs Debian's pocketsphinx-testdata.</summary>
    public bool NeedsLibriVox
    {
        get => field;
        set
        {
            field = value;
            if (value && Skip is null && !File.Exists(Path.Combine(Transcription.PocketSphinxTestDataFactAttribute.LibriVoxDirectory, "transcription")))
                Skip = "pocketsphinx-testdata is not installed: apt-get install pocketsphinx-testdata.";
        }
    }
}
