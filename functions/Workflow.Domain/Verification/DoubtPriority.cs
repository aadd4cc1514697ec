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
}
