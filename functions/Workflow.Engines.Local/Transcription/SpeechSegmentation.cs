namespace Workflow.Engines.Local.Transcription;

/// <summary>How the PocketSphinx engine finds the pauses it cuts long recordings at (<c>Engines:PocketSphinx:Segmentation</c>).</summary>
public enum SpeechSegmentation
{
    /// <summary>The Silero voice-activity model: cuts in the silences between detected speech.</summary>
    Silero,

    /// <summary>The quietest 300 ms near each target cut, by signal energy: no model needed.</summary>
    Energy,
}
