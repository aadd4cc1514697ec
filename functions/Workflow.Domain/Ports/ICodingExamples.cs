using Workflow.Domain.Coding;

namespace Workflow.Domain.Ports;

/// <summary>
/// One segment coders have settled, as training signal for a learning coder: the de-identified segment,
/// the turn before it (context, or null), and the codes coders kept, edited to or added. Every other
/// code of the codebook is a negative: coders saw the segment and could have added it.
/// </summary>
public sealed record CodingExample(string Id, Segment Segment, Segment? Before, IReadOnlySet<string> Codes);

/// <summary>A study's verified coding decisions, read as <see cref="CodingExample"/>s (de-identified text only).</summary>
public interface ICodingExamples
{
    /// <summary>
    /// Up to <paramref name="max"/> examples (the newest recordings' first, so memory stays bounded on a
    /// large study): segments whose code suggestions are all decided in the latest pass.
    /// </summary>
    Task<IReadOnlyList<CodingExample>> ForStudyAsync(string studyId, int max, CancellationToken cancellationToken);
}
