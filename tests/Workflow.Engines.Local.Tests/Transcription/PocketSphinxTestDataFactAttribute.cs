namespace Workflow.Engines.Local.Tests.Transcription;

/// <summary>A measurement that needs Debian's pocketsphinx-testdata (LibriVox read speech); skipped, with the reason, without it.</summary>
public sealed class PocketSphinxTestDataFactAttribute : FactAttribute
{
    public const string LibriVoxDirectory = "/usr/share/pocketsphinx/test/data/librivox";

    public PocketSphinxTestDataFactAttribute()
    {
        if (!File.Exists(Path.Combine(LibriVoxDirectory, "transcription")))
            Skip = $"pocketsphinx-testdata is not installed ({LibriVoxDirectory} missing): apt-get install pocketsphinx-testdata to measure WER.";
    }
}
