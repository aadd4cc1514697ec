namespace Workflow.Domain.Reprocessing;

/// <summary>
/// Which recordings of a study a batch covers. Empty lists mean "no restriction"; the filters combine
/// (a recording must pass each given one). <see cref="ChangedSinceCodebookVersion"/> N selects the
/// recordings coded with codebook version N or later but not with the current one: exactly those for
/// which the changes since N are the whole difference.
/// </summary>
public sealed record ReprocessScope(
    IReadOnlyList<string>? Sites = null,
    IReadOnlyList<string>? Recordings = null,
    int? ChangedSinceCodebookVersion = null)
{
    public static readonly ReprocessScope WholeStudy = new();

    /// <summary>The same scope limited to <paramref name="recordingIds"/> (used to retry failures).</summary>
    public ReprocessScope OnlyRecordings(IReadOnlyList<string> recordingIds) => this with { Recordings = recordingIds };
}
