using System.Text.RegularExpressions;
using Workflow.Domain.Transcripts;

namespace Workflow.Engines.Local.Tests.Transcription;

/// <summary>Scoring helpers: word error rate and recall of content words.</summary>
public static partial class Recognition
{
    private static readonly HashSet<string> StopWords =
        ["a", "an", "and", "the", "to", "of", "in", "it", "i", "me", "my", "we", "she", "her", "that", "was", "were", "some", "about", "on", "at", "because", "had", "then", "very"];

    public static IReadOnlyList<string> Words(string text) =>
        WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();

    public static IReadOnlyList<string> Words(Transcript transcript) =>
        transcript.Utterances.SelectMany(u => u.Words).Select(w => w.Text.ToLowerInvariant()).ToList();

    /// <summary>Share of the reference's distinct content words that appear anywhere in the hypothesis.</summary>
    public static double ContentWordRecall(string reference, IReadOnlyList<string> hypothesis)
    {
        var content = Words(reference).Where(w => !StopWords.Contains(w)).ToHashSet();
        return (double)content.Count(hypothesis.Contains) / content.Count;
    }

    /// <summary>Word error rate: word-level edit distance over the reference length.</summary>
    public static double WordErrorRate(IReadOnlyList<string> reference, IReadOnlyList<string> hypothesis)
    {
        var previous = Enumerable.Range(0, hypothesis.Count + 1).ToArray();
        for (var i = 1; i <= reference.Count; i++)
        {
            var current = new int[hypothesis.Count + 1];
            current[0] = i;
            for (var j = 1; j <= hypothesis.Count; j++)
            {
                var substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return (double)previous[hypothesis.Count] / reference.Count;
    }

    [GeneratedRegex(@"[a-z']+")]
    private static partial Regex WordPattern();
}
