namespace Workflow.Engines.Local.Import;

/// <summary>The kinds of value in a Praat text file; labels such as <c>xmin =</c> are not values.</summary>
internal enum PraatTokenKind
{
    String,
    Number,
    Flag,
}
