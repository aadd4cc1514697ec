namespace Workflow.Engines.Local.Tests.Speech;

/// <summary>
/// About five and a half minutes (323 s) of a research interview for timing and accuracy measurements: an interviewer
/// and three participants (four espeak-ng voices), pauses of 0.5 to 2.5 s between turns. Text only
/// here; <see cref="SpokenScene"/> makes the audio in a temporary folder, so nothing large is committed.
/// </summary>
public static class SyntheticInterview
{
    private static readonly string[] Voices = ["en-us", "en-gb", "en-us+f3", "en-gb-scotland"];

    private static readonly string[] Questions =
    [
        "Thank you for coming today. Can you tell me how you first came to use the clinic?",
        "What was the waiting like when you arrived?",
        "How did the staff explain the treatment to you?",
        "Did you feel you could ask questions when you needed to?",
        "What happened after you went home?",
        "How did your family help during that time?",
        "Was there anything about the service that you would change?",
        "How do you feel about your health now?",
        "Is there anything else you would like to tell me before we finish?",
    ];

    private static readonly string[] Answers =
    [
        "My doctor sent me there after I had pains in my chest for a few weeks. I was worried at first because I did not know what to expect. " +
        "The letter came quickly and it told me where to go and what time to arrive. I think it was about two weeks from the first visit.",
        "The waiting room was very busy and there were not enough chairs. Some people had been there for more than an hour. " +
        "A nurse came out now and then to tell us how long it would be. That helped a little, but the children in the room were tired and upset.",
        "The doctor was kind and she took her time. She drew a picture of the heart on a piece of paper and showed me where the problem was. " +
        "She said the tablets would help and that I should walk every day. I understood most of it, but I forgot some of the words when I got home.",
        "Yes, mostly. I wrote my questions down on the bus so I would not forget them. When I asked about the side effects the nurse gave me a leaflet. " +
        "I read it that evening with my daughter and we talked about it over dinner.",
        "For the first few days I was very tired and I stayed in bed in the morning. My neighbour brought me some bread and milk from the shop. " +
        "After a week I started to walk to the park near the river. The water was high because of the rain, and I sat on a bench to rest.",
        "My sister called me every day to see how I was. My son drove me to the hospital for the next appointment because I did not want to take the train. " +
        "They were very good to me, although sometimes they worried more than I did.",
        "I would like the letters to be clearer about the parking. It took me twenty minutes to find a space and I was late. " +
        "I would also like a phone number that someone answers in the evening, because that is when I had most of my questions.",
        "I feel much better than I did last winter. I can climb the stairs without stopping and I sleep well most nights. " +
        "I still take the tablets in the morning and I go to the group at the community centre on Tuesday.",
        "Only that the people were good to me. The system is slow, but the nurses and the doctor made the difference. " +
        "I hope this helps other people who have to go through the same thing.",
    ];

    /// <summary>The turns, interviewer and participant alternating, each participant answer read by one of three voices.</summary>
    public static IReadOnlyList<SpokenTurn> Turns()
    {
        var turns = new List<SpokenTurn>();
        for (var i = 0; i < Questions.Length; i++)
        {
            turns.Add(new SpokenTurn(Questions[i], Voices[0], 0.5 + i % 3 * 0.4));
            // Each answer twice, by two participants, so the interview is long enough for six chunks.
            turns.Add(new SpokenTurn(Answers[i], Voices[1 + i % 3], 1.0 + i % 4 * 0.5));
            turns.Add(new SpokenTurn(Answers[(i + 4) % Answers.Length], Voices[1 + (i + 1) % 3], 0.8 + i % 2));
        }
        return turns;
    }

    /// <summary>Everything said, in order: the reference for word error rate.</summary>
    public static string ReferenceText() => string.Join(' ', Turns().Select(t => t.Text));
}
