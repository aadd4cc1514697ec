namespace Workflow.Domain.Verification;

/// <summary>
/// The queue's order: the most doubtful items first. Doubt is how close the engine's confidence is to
/// a coin toss (0.5 is most doubtful, 0 or 1 least), so a coder's first hour goes where their judgement
/// changes most. Priorities run from <see cref="MostDoubtful"/> to
/// <see cref="VerificationItem.DefaultPriority"/>; items of equal priority keep the order they were queued in.
/// </summary>
public static class DoubtPriority
{
    public const int MostDoubtful = VerificationItem.DefaultPriority - Steps;

    /// <summary>Bands of doubt: coarse, so near-equal confidences keep the order they were queued in (transcript order within a recording).</summary>
    private const int Steps = 10;

    public static int Of(double confidence)
    {
        if (double.IsNaN(confidence)) return MostDoubtful;
        var doubt = 1 - Math.Abs(2 * Math.Clamp(confidence, 0, 1) - 1);
        return VerificationItem.DefaultPriority - (int)Math.Round(doubt * Steps, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The priority of a passage of recognised words by their mean confidence: for a transcription
    /// the doubt grows all the way down to 0 (a word heard with confidence 0.1 is more likely wrong than
    /// one at 0.5), unlike a yes/no proposal, so the lower the confidence the sooner it is offered.
    /// </summary>
    public static int OfLowConfidence(double meanConfidence)
    {
        if (double.IsNaN(meanConfidence)) return MostDoubtful;
        return VerificationItem.DefaultPriority - (int)Math.Round((1 - Math.Clamp(meanConfidence, 0, 1)) * Steps, MidpointRounding.AwayFromZero);
    }
}
