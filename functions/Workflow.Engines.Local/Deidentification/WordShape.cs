namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// How a word is written. Case is the main evidence for a proper name in edited text, and absent in
/// speech-recognition output (all lower case, or all capitals), so detectors treat the shapes differently.
/// </summary>
internal enum WordShape
{
    /// <summary>No capital letter ("darren", "hope").</summary>
    Lower,

    /// <summary>An initial capital followed by lower case, or a single capital ("Darren", "M").</summary>
    Capitalised,

    /// <summary>Two or more letters, all capitals ("DARREN", "NHS").</summary>
    AllCaps,

    /// <summary>Digits or mixed forms ("4B", "McDONALD" counts as capitalised).</summary>
    Other,
}
