using Workflow.Domain.Coding;

namespace Workflow.Engines.Azure.Tests.OpenAI;

/// <summary>A small codebook and de-identified segments shaped like the study's.</summary>
internal static class CodingSamples
{
    public static Codebook Codebook { get; } = new("study-1", 3, "Treatment journeys",
    [
        new("T1", null, 1, "Treatment", "Experiences of treatment services."),
        new("T1.1", "T1", 2, "Waiting times", "Delays before treatment starts.", "Waits for an assessment or a script.",
            "Waiting in a queue on the day.", ["I waited six weeks", "they said come back in a month", "a third", "a fourth"]),
        new("T1.2", "T1", 2, "Keyworker relationship", "How the service user relates to their keyworker.", Examples: ["she actually listens"]),
    ], DateTimeOffset.Parse("2026-11-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public static IReadOnlyList<Segment> Segments { get; } =
    [
        new("s1", 0, 0, 40, "Interviewer", "How did things go when you first asked?", false),
        new("s2", 1, 0, 71, "Participant", "I waited six weeks  for a script, and [PERSON_1] said it was “normal”.", true),
        new("s3", 2, 0, 37, "Interviewer", "And how is it with your keyworker now?", false),
        new("s4", 3, 0, 54, "Participant", "[PERSON_2] actually listens, she rings me back the same day.", true),
    ];
}
