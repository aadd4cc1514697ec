namespace Workflow.Engines.Local.Deidentification;

/// <summary>How strongly the words around a word say it is a name.</summary>
internal enum CueStrength
{
    /// <summary>Nothing around it says so.</summary>
    None,

    /// <summary>Allows a name but as readily an adjective or a noun: "I'm X", "Thanks, X", "X said".</summary>
    Weak,

    /// <summary>Says someone is named or related: "called X", "call me X", "my son X", "my mate X".</summary>
    Strong,
}
