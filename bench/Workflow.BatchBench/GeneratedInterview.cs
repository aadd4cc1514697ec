using System.Text;
using Workflow.Domain.Coding;
using Workflow.Domain.Deidentification;
using Workflow.Domain.Transcripts;

namespace Workflow.BatchBench;

/// <summary>
/// De-identified interviews of about the requested length, alternating interviewer questions with
/// long participant turns that mention the codebook's keywords now and then, so the keyword coder
/// has work to do. Seeded per recording: the same index gives the same text.
/// </summary>
internal static class GeneratedInterview
{
    private static readonly string[] Filler =
    [
        "and", "then", "we", "went", "to", "the", "group", "every", "week", "because", "it", "was", "good", "for", "me",
        "my", "worker", "said", "that", "I", "should", "try", "again", "after", "a", "while", "people", "there", "know", "you",
    ];

    public static DeidentifiedTranscript Build(string studyId, string recordingId, int index, int words, Codebook codebook)
    {
        var random = new Random(index * 7919 + 17);
        var keywords = codebook.ApplicableCodes.SelectMany(c => c.Keywords ?? []).ToArray();
        var utterances = new List<Utterance>();
        var written = 0;
        for (var turn = 0; written < words; turn++)
        {
            var interviewer = turn % 2 == 0;
            var length = interviewer ? 15 : 220;
            var text = new StringBuilder();
            for (var w = 0; w < length; w++)
            {
                text.Append(!interviewer && random.Next(40) == 0 ? keywords[random.Next(keywords.Length)] : Filler[random.Next(Filler.Length)]);
                text.Append(w % 14 == 13 ? ". " : " ");
            }
            written += length;
            utterances.Add(Utterance.Untimed(turn, interviewer ? "Interviewer" : "Participant", text.ToString().Trim() + "."));
        }
        return new DeidentifiedTranscript(recordingId, studyId, 1, utterances, []);
    }
}
