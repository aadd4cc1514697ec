using System.Text;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;

namespace Workflow.Benchmarks;

/// <summary>
/// A long synthetic interview (about 20,000 words, 40 turns) mentioning names from a 300-entry study
/// list, plus phone numbers and dates, sized like a 2-3 hour focus group.
/// </summary>
internal static class SyntheticInterview
{
    public static readonly StudyIdentifierList Identifiers = new("bench", 1,
        Enumerable.Range(0, 300).Select(i => new StudyIdentifier($"p{i}", $"Firstname{i} Surname{i}", IdentifierKind.Person, [$"Firstname{i}"])).ToList());

    public static readonly Transcript Transcript = Build();

    private static Transcript Build()
    {
        var random = new Random(42);
        string[] filler = ["the", "group", "meets", "every", "week", "and", "we", "talk", "about", "the", "service", "script", "worker", "panel", "really"];
        var utterances = new List<Utterance>();
        for (var turn = 0; turn < 40; turn++)
        {
            var text = new StringBuilder();
            for (var w = 0; w < 500; w++)
            {
                text.Append(w % 61 == 0 ? $"Firstname{random.Next(300)}" : w % 257 == 0 ? "07700 900418" : w % 199 == 0 ? "3rd of May 2005" : filler[random.Next(filler.Length)]);
                text.Append(w % 17 == 16 ? ". " : " ");
            }
            utterances.Add(Utterance.Untimed(turn, turn % 2 == 0 ? "Interviewer" : "Participant", text.ToString().Trim()));
        }
        return new Transcript("bench", "synthetic", utterances);
    }
}
