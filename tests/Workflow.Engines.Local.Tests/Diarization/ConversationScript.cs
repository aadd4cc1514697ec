namespace Workflow.Engines.Local.Tests.Diarization;

/// <summary>One turn of a synthetic conversation: who speaks, what, and the pause before it.</summary>
public sealed record ScriptedTurn(int Voice, string Text, double PauseBeforeSeconds);

/// <summary>
/// Plans synthetic interviews and focus groups from a fixed sentence bank with a seeded random
/// generator, so every run produces the same conversation: turns of one to four sentences (a few
/// seconds to about 20 s) with pauses of 0.4-1.2 s between them.
/// </summary>
public static class ConversationScript
{
    private static readonly string[] Questions =
    [
        "Can you tell me about your first visit to the clinic?",
        "How did you feel when you were waiting for the results?",
        "What happened after that?",
        "Who helped you most during that time?",
        "Was there anything that made it harder for you?",
        "How did your family react?",
        "What would you change about the service?",
        "Can you say a little more about that?",
        "How long did you have to wait?",
        "What was the hardest part of the day?",
    ];

    private static readonly string[] Answers =
    [
        "I went to the doctor in the morning because my back was very painful.",
        "The waiting room was full and we sat there for nearly two hours.",
        "My sister drove me to the hospital and stayed with me all afternoon.",
        "The nurse was kind and explained everything slowly and clearly.",
        "I was worried about my job and about paying the bills.",
        "Nobody told us what was going on, and that made it worse.",
        "After a few weeks I started to feel a little better.",
        "We talked about it at home but my husband did not want to listen.",
        "I think the letters should be shorter and easier to read.",
        "The bus to the hospital only runs twice a day on Sundays.",
        "My mother looked after the children while I was away.",
        "It was cold and raining and the car park was full.",
        "I rang the surgery every morning for a week before I got through.",
        "The staff on the ward were busy but they always came when I called.",
        "Honestly I did not expect it to take so long.",
        "My neighbour had the same problem last year, so she gave me some advice.",
        "I kept a diary of the pain so that I could show it to the doctor.",
        "The medicine made me tired and I could not work for a month.",
        "When I came home the house was quiet and I felt very alone.",
        "I would tell other people to ask questions and not to be afraid.",
        "The physiotherapy helped, but the exercises were hard at first.",
        "We had to move the bed downstairs because I could not climb the stairs.",
        "My friends from church brought food every evening for two weeks.",
        "The second doctor listened more carefully and changed my treatment.",
    ];

    /// <summary>An interviewer (voice 0) asking one-sentence questions and a participant (voice 1) answering in one to four sentences.</summary>
    public static IReadOnlyList<ScriptedTurn> Interview(int seed, double targetSeconds) =>
        Plan(seed, targetSeconds, voices: 2, respondentsPerQuestion: (1, 1));

    /// <summary>A moderator (voice 0) and <paramref name="participants"/> participants, one to three of whom answer each question.</summary>
    public static IReadOnlyList<ScriptedTurn> FocusGroup(int seed, int participants, double targetSeconds) =>
        Plan(seed, targetSeconds, voices: participants + 1, respondentsPerQuestion: (1, Math.Min(3, participants)));

    /// <summary>One voice reading answers: a recording diarization must leave as one speaker.</summary>
    public static IReadOnlyList<ScriptedTurn> Monologue(int seed, double targetSeconds)
    {
        var random = new Random(seed);
        var turns = new List<ScriptedTurn>();
        for (var estimate = 0.0; estimate < targetSeconds;)
        {
            var text = Sentences(random, Answers, random.Next(1, 5));
            turns.Add(new ScriptedTurn(0, text, 0.4 + random.NextDouble() * 0.8));
            estimate += EstimatedSeconds(text) + 0.8;
        }
        return turns;
    }

    private static List<ScriptedTurn> Plan(int seed, double targetSeconds, int voices, (int Min, int Max) respondentsPerQuestion)
    {
        var random = new Random(seed);
        var turns = new List<ScriptedTurn>();
        var estimate = 0.0;
        while (estimate < targetSeconds)
        {
            Add(0, Questions[random.Next(Questions.Length)]);
            var respondents = Enumerable.Range(1, voices - 1).OrderBy(_ => random.Next()).Take(random.Next(respondentsPerQuestion.Min, respondentsPerQuestion.Max + 1));
            foreach (var voice in respondents) Add(voice, Sentences(random, Answers, random.Next(1, 5)));
        }
        return turns;

        void Add(int voice, string text)
        {
            turns.Add(new ScriptedTurn(voice, text, 0.4 + random.NextDouble() * 0.8));
            estimate += EstimatedSeconds(text) + 0.8;
        }
    }

    private static string Sentences(Random random, string[] bank, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => bank[random.Next(bank.Length)]));

    // About 2.6 words a second at espeak's speeds here: only used to stop planning near the target length.
    private static double EstimatedSeconds(string text) => text.Split(' ').Length / 2.6;
}
