namespace Workflow.Engines.Local.Deidentification;

/// <summary>A place in the gazetteer: its canonical name and whether it is a county or authority rather than a town.</summary>
internal sealed record PlaceEntry(string Name, bool IsArea, int Words);
