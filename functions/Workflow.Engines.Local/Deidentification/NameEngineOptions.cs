namespace Workflow.Engines.Local.Deidentification;

/// <summary>
/// Settings for the "names" de-identification engine (configuration section <c>Engines:Names</c>).
/// </summary>
public sealed class NameEngineOptions
{
    /// <summary>Configuration section these options bind to.</summary>
    public const string Section = "Engines:Names";

    /// <summary>
    /// Folder holding the gazetteer files (first names, surnames, GB places, the English word list).
    /// Empty means <c>gazetteers/</c> beside the application, where the build copies what
    /// <c>scripts/setup.sh</c> installed into <c>.tools/</c>.
    /// </summary>
    public string? GazetteerDirectory { get; set; }
}
